package org.handraise.notifications.mail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.handraise.notifications.Delivery;
import org.handraise.notifications.Notice;
import org.handraise.notifications.NotificationPreferences;
import org.handraise.notifications.NotificationSettings;
import org.handraise.notifications.NotificationsAdded;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the mail that notifications call for, in the transaction that writes the
 * notifications (a plain {@link EventListener}: {@link NotificationsAdded} is published
 * inside it). So a notification that commits always has its mail, and one that rolls back
 * never does; an event delivered again adds no notification and so no mail. Per recipient
 * and category: {@code IMMEDIATE} a pending single mail, {@code DAILY} or {@code WEEKLY}
 * an item waiting for that digest, {@code OFF} nothing. People who are no longer active
 * get no notification and so no mail; people with no address get none. The notices carry
 * the addresses and the ids of their rows: three statements for any number of recipients
 * (the settings, the single mails, the digest items).
 */
@Component
class MailOnNotifications {

	private final NotificationPreferences preferences;

	private final MailDeliveries deliveries;

	private final Clock clock;

	MailOnNotifications(NotificationPreferences preferences, MailDeliveries deliveries, Clock clock) {
		this.preferences = preferences;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@EventListener
	void on(NotificationsAdded added) {
		List<NotificationsAdded.Written> addressed = added.written()
			.stream()
			.filter((w) -> w.notice().hasEmail())
			.toList();
		if (addressed.isEmpty()) {
			return;
		}
		Map<String, NotificationSettings> settings = this.preferences
			.of(addressed.stream().map((w) -> w.notice().recipient()).collect(Collectors.toSet()));
		List<MailDeliveries.Single> singles = new ArrayList<>();
		List<MailDeliveries.Waiting> waiting = new ArrayList<>();
		for (NotificationsAdded.Written written : addressed) {
			Notice notice = written.notice();
			Delivery delivery = settings.get(notice.recipient()).of(notice.category());
			if (delivery == Delivery.IMMEDIATE) {
				singles.add(new MailDeliveries.Single(notice.recipient(), notice.email(), written.id()));
			}
			else if (delivery != Delivery.OFF) {
				waiting.add(new MailDeliveries.Waiting(written.id(), notice.recipient(), delivery, notice.category()));
			}
		}
		this.deliveries.addSingles(singles, this.clock.instant());
		this.deliveries.addDigestItems(waiting);
	}

}
