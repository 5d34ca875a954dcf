package org.handraise.notifications;

import java.time.Instant;

/**
 * A notification as its recipient sees it.
 *
 * @param id its id
 * @param kind what it tells
 * @param requestId the request it is about, or null
 * @param text what happened, in the viewer's language
 * @param detail a quote (the offer, the reason, the note), or null
 * @param createdAt when it happened
 * @param read whether the recipient has read it
 */
public record NotificationView(long id, NotificationKind kind, Long requestId, String text, String detail,
		Instant createdAt, boolean read) {
}
