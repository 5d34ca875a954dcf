package org.handraise.notifications;

import java.time.Instant;

/**
 * A notification to write: for whom, what, and the texts it shows, already hidden where
 * the recipient may not see them.
 *
 * @param recipient the recipient's username
 * @param email the recipient's address for mail, or null when they have none
 * @param kind what it tells
 * @param category how the recipient's email settings treat it
 * @param requestId the request it is about, or null
 * @param requestTitle the request's title, or null
 * @param actorName who did it as the recipient may see it; null for nobody to name (an
 * anonymous request's author to anyone else)
 * @param variant how the kind reads here ({@code accepted}, {@code helper-left}), or null
 * @param detail a quote (the offer, the reason for reopening, the note), or null
 * @param source what caused it, the same for every recipient of one cause
 * @param at when it happened
 */
public record Notice(String recipient, String email, NotificationKind kind, NotificationCategory category,
		Long requestId, String requestTitle, String actorName, String variant, String detail, String source,
		Instant at) {

	/** Whether the recipient has an address to mail. */
	public boolean hasEmail() {
		return this.email != null && !this.email.isBlank();
	}

}
