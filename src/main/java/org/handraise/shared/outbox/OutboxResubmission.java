package org.handraise.shared.outbox;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again what the event publication registry holds as incomplete: publications
 * whose listener failed, or whose instance stopped before the listener finished. When the
 * application is ready and then every {@code handraise.outbox.retry-interval}, by one
 * instance at a time (a ShedLock lock in the {@code shedlock} table): publications older
 * than {@code min-age} that have had fewer than {@code max-attempts} resubmissions are
 * handed to their listener again. The registry marks each one resubmitted before it does
 * (a conditional update, so a publication is resubmitted once per round however many
 * instances look), and complete when the listener succeeds. Completed publications older
 * than {@code retention} are deleted.
 * <p>
 * Delivery is at least once: a listener must tolerate an event it has seen (one that
 * finished just as its instance died is delivered again).
 */
@Component
class OutboxResubmission {

	static final String LOCK = "outbox-resubmission";

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final OutboxProperties properties;

	private final Clock clock;

	OutboxResubmission(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			OutboxProperties properties, Clock clock) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${handraise.outbox.retry-interval:1m}",
			initialDelayString = "${handraise.outbox.retry-interval:1m}")
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
	public void resubmit() {
		Instant before = this.clock.instant().minus(this.properties.minAge());
		this.incomplete.resubmitIncompletePublications((publication) -> due(publication, before));
		this.completed.deletePublicationsOlderThan(this.properties.retention());
	}

	private boolean due(EventPublication publication, Instant before) {
		return publication.getPublicationDate().isBefore(before)
				&& publication.getCompletionAttempts() < this.properties.maxAttempts();
	}

}
