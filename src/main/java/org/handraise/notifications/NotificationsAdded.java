package org.handraise.notifications;

import java.util.List;

/**
 * Notifications were written in the current transaction: for what follows inside this
 * module (email, live updates; {@code notifications.mail} writes the pending mail), in
 * the same transaction.
 *
 * @param notices what was written
 */
public record NotificationsAdded(List<Notice> notices) {
}
