package org.handraise.notifications;

/**
 * Someone marked notifications read in the current transaction: their pages elsewhere
 * (other tabs, other devices, other instances) show the new unread count once it commits.
 *
 * @param recipient whose notifications
 */
record NotificationsRead(String recipient) {
}
