package org.handraise.notifications;

import java.util.List;

/**
 * Notifications were written in the current transaction: for what follows inside this
 * module (email, live updates), in the same transaction.
 *
 * @param notices what was written
 */
record NotificationsAdded(List<Notice> notices) {
}
