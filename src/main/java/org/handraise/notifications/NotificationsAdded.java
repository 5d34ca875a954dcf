package org.handraise.notifications;

import java.util.List;

/**
 * Notifications were written in the current transaction: for what follows inside this
 * module (email, live updates; {@code notifications.mail} writes the pending mail), in
 * the same transaction.
 *
 * @param written what was written, each with its row's id
 */
public record NotificationsAdded(List<Written> written) {

	/** The notices written, in the order written. */
	public List<Notice> notices() {
		return this.written.stream().map(Written::notice).toList();
	}

	/**
	 * A notification as written.
	 *
	 * @param id its row's id
	 * @param notice what it tells whom
	 */
	public record Written(long id, Notice notice) {
	}

}
