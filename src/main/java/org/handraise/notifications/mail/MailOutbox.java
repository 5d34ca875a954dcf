package org.handraise.notifications.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the mail that is due, every {@code handraise.mail.send-interval}, on one instance
 * at a time (a ShedLock lock in the {@code shedlock} table): batches of
 * {@code batch-size} over one SMTP connection each, until nothing is due. A sent mail is
 * marked sent; a failed one waits its backoff (doubling from {@code backoff} up to
 * {@code max-backoff}) and after {@code max-attempts} attempts is given up, its row
 * {@code FAILED} with the last error. A mail is sent again only where its instance
 * stopped between sending it and marking it (at least once, as SMTP allows).
 */
@Component
class MailOutbox {

	static final String LOCK = "mail-sender";

	private static final Logger logger = LoggerFactory.getLogger(MailOutbox.class);

	/** How long one run keeps sending before it leaves the rest to the next. */
	private static final Duration LONGEST_RUN = Duration.ofMinutes(5);

	private final MailDeliveries deliveries;

	private final MailComposer composer;

	private final Outgoing outgoing;

	private final MailProperties properties;

	private final Clock clock;

	MailOutbox(MailDeliveries deliveries, MailComposer composer, Outgoing outgoing, MailProperties properties,
			Clock clock) {
		this.deliveries = deliveries;
		this.composer = composer;
		this.outgoing = outgoing;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Sends what is due; returns how many mails were sent, or nothing where another
	 * instance holds the lock.
	 */
	@Scheduled(fixedDelayString = "${handraise.mail.send-interval:10s}",
			initialDelayString = "${handraise.mail.send-interval:10s}")
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
	public Optional<Integer> sendDue() {
		long stop = System.nanoTime() + LONGEST_RUN.toNanos();
		int sent = 0;
		while (System.nanoTime() < stop) {
			List<MailDeliveries.DueMail> due = this.deliveries.due(this.clock.instant(), this.properties.batchSize());
			if (due.isEmpty()) {
				break;
			}
			sent += sendBatch(due);
			if (due.size() < this.properties.batchSize()) {
				break;
			}
		}
		return Optional.of(sent);
	}

	private int sendBatch(List<MailDeliveries.DueMail> due) {
		Map<Long, List<MailDeliveries.MailItem>> items = this.deliveries.items(due);
		Map<MimeMessage, MailDeliveries.DueMail> byMessage = new IdentityHashMap<>();
		Map<MailDeliveries.DueMail, String> failed = new HashMap<>();
		List<MailDeliveries.DueMail> empty = new ArrayList<>();
		for (MailDeliveries.DueMail mail : due) {
			List<MailDeliveries.MailItem> told = items.get(mail.id());
			if (told.isEmpty()) {
				empty.add(mail);
				continue;
			}
			try {
				MimeMessage message = this.outgoing.newMessage();
				this.composer.compose(mail, told, message);
				byMessage.put(message, mail);
			}
			catch (Exception ex) {
				logger.warn("Could not write mail {}: {}", mail.id(), ex.toString());
				failed.put(mail, ex.toString());
			}
		}
		Map<MimeMessage, Exception> refused = byMessage.isEmpty() ? Map.of()
				: this.outgoing.send(new ArrayList<>(byMessage.keySet()));
		List<MailDeliveries.DueMail> sent = new ArrayList<>(empty);
		byMessage.forEach((message, mail) -> {
			Exception error = refused.get(message);
			if (error == null) {
				sent.add(mail);
			}
			else {
				failed.put(mail, describe(error));
			}
		});
		this.deliveries.markSent(sent, this.clock.instant());
		this.deliveries.markFailed(failed, this.properties, this.clock.instant());
		if (!failed.isEmpty()) {
			logger.warn("{} of {} mails failed and wait to be tried again; the first: {}", failed.size(), due.size(),
					failed.values().iterator().next());
		}
		return sent.size() - empty.size();
	}

	private static String describe(Exception error) {
		StringBuilder text = new StringBuilder(error.toString());
		Throwable cause = error.getCause();
		if (cause != null && cause != error) {
			text.append(" <- ").append(cause);
		}
		return text.toString();
	}

}
