package org.handraise.notifications.web;

import org.handraise.notifications.UnreadCounts;

/**
 * The signed-in person's unread count for the navigation bar, asked for on first use (and
 * counted only when this instance keeps no count of theirs).
 */
public final class UnreadBadge {

	private final UnreadCounts counts;

	private final String username;

	private Long unread;

	UnreadBadge(UnreadCounts counts, String username) {
		this.counts = counts;
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
			this.unread = this.counts.of(this.username);
		}
		return this.unread;
	}

}
