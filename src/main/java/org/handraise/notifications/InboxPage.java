package org.handraise.notifications;

import java.util.List;

/**
 * A page of someone's inbox, newest first, with how many of all their notifications are
 * unread.
 */
public record InboxPage(List<NotificationView> content, int page, int size, long totalElements, int totalPages,
		long unreadCount) {

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < this.totalPages;
	}

}
