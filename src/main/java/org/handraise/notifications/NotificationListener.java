package org.handraise.notifications;

import java.util.List;

import org.handraise.requests.RequestActivity;
import org.handraise.thanks.ThanksSent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into notifications. Each listener runs after the
 * publishing transaction committed, in a transaction of its own, through the event
 * publication registry: the event was stored with the change, so a change that commits is
 * always notified (resubmitted after a failure or a crash, see
 * {@code OutboxResubmission}) and one that rolls back never is. A resubmitted event adds
 * nothing already written ({@link NotificationStore}). The mail and live updates the new
 * notifications call for follow inside the same transaction ({@link NotificationsAdded}).
 */
@Component
class NotificationListener {

	private final NoticePlanner planner;

	private final NotificationStore store;

	private final ApplicationEventPublisher events;

	NotificationListener(NoticePlanner planner, NotificationStore store, ApplicationEventPublisher events) {
		this.planner = planner;
		this.store = store;
		this.events = events;
	}

	@ApplicationModuleListener(id = "notify-on-request-activity")
	void on(RequestActivity activity) {
		added(this.store.add(this.planner.about(activity)));
	}

	@ApplicationModuleListener(id = "notify-on-thanks-sent")
	void on(ThanksSent sent) {
		added(this.store.add(this.planner.about(sent)));
	}

	private void added(List<NotificationsAdded.Written> written) {
		if (!written.isEmpty()) {
			this.events.publishEvent(new NotificationsAdded(written));
		}
	}

}
