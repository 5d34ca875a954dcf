package org.handraise.notifications.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.handraise.notifications.Delivery;
import org.handraise.notifications.NotificationPreferences;
import org.handraise.notifications.NotificationSettings;
import org.handraise.people.Contact;
import org.handraise.people.PeopleService;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Digests: every day at {@code handraise.mail.digest-hour}, each person's notifications
 * waiting for a daily digest become one pending mail (grouped by request when it is
 * written), and on {@code digest-day} the weekly ones too; the mail outbox sends them. A
 * notification is taken by one digest only. What a person has turned off since waits no
 * longer; a person no longer active gets nothing.
 */
@Component
class MailDigests {

	static final String LOCK = "mail-digests";

	private final MailDeliveries deliveries;

	private final PeopleService people;

	private final NotificationPreferences preferences;

	private final MailProperties properties;

	private final Clock clock;

	MailDigests(MailDeliveries deliveries, PeopleService people, NotificationPreferences preferences,
			MailProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.people = people;
		this.preferences = preferences;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "0 0 ${handraise.mail.digest-hour:7} * * *")
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
	public void scheduled() {
		digest(Delivery.DAILY);
		if (LocalDate.now(this.clock.withZone(ZoneId.systemDefault())).getDayOfWeek() == this.properties.digestDay()) {
			digest(Delivery.WEEKLY);
		}
	}

	/** Writes this cadence's digests; returns how many. */
	@Transactional
	public int digest(Delivery cadence) {
		List<MailDeliveries.Waiting> waiting = this.deliveries.waiting(cadence);
		if (waiting.isEmpty()) {
			return 0;
		}
		Set<String> recipients = waiting.stream().map(MailDeliveries.Waiting::recipient).collect(Collectors.toSet());
		Map<String, String> emails = new HashMap<>();
		for (Contact contact : this.people.contacts(recipients)) {
			if (contact.email() != null && !contact.email().isBlank()) {
				emails.put(contact.username(), contact.email());
			}
		}
		Map<String, NotificationSettings> settings = this.preferences.of(recipients);
		Map<String, List<Long>> byRecipient = new HashMap<>();
		List<Long> dropped = new ArrayList<>();
		for (MailDeliveries.Waiting item : waiting) {
			if (!emails.containsKey(item.recipient())
					|| settings.get(item.recipient()).of(item.category()) == Delivery.OFF) {
				dropped.add(item.notificationId());
			}
			else {
				byRecipient.computeIfAbsent(item.recipient(), (r) -> new ArrayList<>()).add(item.notificationId());
			}
		}
		this.deliveries.dropWaiting(dropped);
		return this.deliveries.addDigests(emails, byRecipient, this.clock.instant());
	}

}
