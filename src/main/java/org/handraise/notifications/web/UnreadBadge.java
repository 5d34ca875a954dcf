package org.handraise.notifications.web;

import org.handraise.notifications.Inbox;

/**
 * The signed-in person's unread count for the navigation bar, counted on first use.
 */
public final class UnreadBadge {

	private final Inbox inbox;

	private final String username;

	private Long unread;

	UnreadBadge(Inbox inbox, String username) {
		this.inbox = inbox;
		this.username = username;
	}

	/** A badge whose count is known already (the inbox page counted it). */
	static UnreadBadge known(long unread) {
		UnreadBadge badge = new UnreadBadge(null, null);
		badge.unread = unread;
		return badge;
	}

	public long getUnread() {
		if (this.unread == null) {
			this.unread = this.inbox.unreadCount(this.username);
		}
		return this.unread;
	}

}
