package org.handraise.notifications.mail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.handraise.notifications.Delivery;
import org.handraise.notifications.Notice;
import org.handraise.notifications.NotificationPreferences;
import org.handraise.notifications.NotificationSettings;
import org.handraise.notifications.NotificationsAdded;
import org.handraise.people.Contact;
import org.handraise.people.PeopleService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the mail that notifications call for, in the transaction that writes the
 * notifications (a plain {@link EventListener}: {@link NotificationsAdded} is published
 * inside it). So a notification that commits always has its mail, and one that rolls back
 * never does; an event delivered again adds no notification and so no mail. Per recipient
 * and category: {@code IMMEDIATE} a pending single mail, {@code DAILY} or {@code WEEKLY}
 * an item waiting for that digest, {@code OFF} nothing. People who are no longer active,
 * or have no address, get no mail. Five statements for any number of recipients.
 */
@Component
class MailOnNotifications {

	private final PeopleService people;

	private final NotificationPreferences preferences;

	private final MailDeliveries deliveries;

	private final Clock clock;

	MailOnNotifications(PeopleService people, NotificationPreferences preferences, MailDeliveries deliveries,
			Clock clock) {
		this.people = people;
		this.preferences = preferences;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@EventListener
	void on(NotificationsAdded added) {
		List<Notice> notices = added.notices();
		Set<String> recipients = notices.stream().map(Notice::recipient).collect(Collectors.toSet());
		Map<String, String> emails = this.people.contacts(recipients)
			.stream()
			.filter((c) -> c.email() != null && !c.email().isBlank())
			.collect(Collectors.toMap(Contact::username, Contact::email, (a, b) -> a));
		if (emails.isEmpty()) {
			return;
		}
		Map<String, NotificationSettings> settings = this.preferences.of(emails.keySet());
		List<Notice> mailed = notices.stream()
			.filter((n) -> emails.containsKey(n.recipient()))
			.filter((n) -> settings.get(n.recipient()).of(n.category()) != Delivery.OFF)
			.toList();
		if (mailed.isEmpty()) {
			return;
		}
		Map<String, Long> ids = this.deliveries.notificationIds(
				mailed.stream().map(Notice::source).collect(Collectors.toSet()),
				mailed.stream().map(Notice::recipient).collect(Collectors.toSet()));
		List<MailDeliveries.Single> singles = new ArrayList<>();
		List<MailDeliveries.Waiting> waiting = new ArrayList<>();
		for (Notice notice : mailed) {
			Long id = ids.get(MailDeliveries.key(notice.source(), notice.recipient()));
			if (id == null) {
				continue;
			}
			Delivery delivery = settings.get(notice.recipient()).of(notice.category());
			if (delivery == Delivery.IMMEDIATE) {
				singles.add(new MailDeliveries.Single(notice.recipient(), emails.get(notice.recipient()), id));
			}
			else {
				waiting.add(new MailDeliveries.Waiting(id, notice.recipient(), delivery, notice.category()));
			}
		}
		this.deliveries.addSingles(singles, this.clock.instant());
		this.deliveries.addDigestItems(waiting);
	}

}
