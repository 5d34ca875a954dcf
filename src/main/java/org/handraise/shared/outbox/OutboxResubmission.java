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
 * instance at a time (a ShedLock lock in the {@code shedlock} table), a publication that
 * has had fewer than {@code max-attempts} resubmissions is handed to its listener again
 * when it failed, when its listener never started ({@code PUBLISHED} for longer than
 * {@code min-age}), or when it has been in flight ({@code PROCESSING} or
 * {@code RESUBMITTED}) for longer than {@code stale-after}, its instance gone. One in
 * flight is never handed over a second time while it may still finish. The registry marks
 * each one resubmitted before it does (a conditional update, so a publication is
 * resubmitted once per round however many instances look), and complete when the listener
 * succeeds. Completed publications older than {@code retention} are deleted.
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
		Instant now = this.clock.instant();
		this.incomplete.resubmitIncompletePublications((publication) -> due(publication, now));
		this.completed.deletePublicationsOlderThan(this.properties.retention());
	}

	boolean due(EventPublication publication, Instant now) {
		if (publication.getCompletionAttempts() >= this.properties.maxAttempts()) {
			return false;
		}
		return switch (publication.getStatus()) {
			case FAILED -> true;
			case PUBLISHED -> publication.getPublicationDate().isBefore(now.minus(this.properties.minAge()));
			case PROCESSING, RESUBMITTED -> lastTouched(publication).isBefore(now.minus(this.properties.staleAfter()));
			default -> false;
		};
	}

	private static Instant lastTouched(EventPublication publication) {
		Instant resubmitted = publication.getLastResubmissionDate();
		return (resubmitted != null && resubmitted.isAfter(publication.getPublicationDate())) ? resubmitted
				: publication.getPublicationDate();
	}

}
