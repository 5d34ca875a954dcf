package org.handraise.notifications;

/**
 * What a notification tells. Its text is {@code notification.<kind>} in
 * {@code messages.properties}, with a variant where the same kind reads differently
 * ({@code notification.request-resolved.accepted}).
 */
public enum NotificationKind {

	/** To the author: someone claimed their request. */
	REQUEST_CLAIMED,

	/** To the author: the claimer stepped back, or left the organisation. */
	REQUEST_RELEASED,

	/** To the author: someone offered help. */
	OFFER_POSTED,

	/** To the helpers: the author resolved it, accepting their answer or not. */
	REQUEST_RESOLVED,

	/** To the helpers: the author reopened it. */
	REQUEST_REOPENED,

	/** To the helpers: the author cancelled it. */
	REQUEST_CANCELLED,

	/** To the recipient of a thank-you note. */
	THANKS_RECEIVED,

	/** To mentors: a new request on one of their skills. */
	REQUEST_MATCHES_SKILLS,

	/** To the author, helpers and watchers: a comment on the request. */
	COMMENT_POSTED,

	/** To someone {@code @mentioned} in a request or a comment. */
	MENTIONED,

	/** To the next people on the escalation ladder: a request waited too long. */
	ESCALATED;

	/** Its code in {@code messages.properties}: {@code notification.request-claimed}. */
	public String code() {
		return "notification." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
