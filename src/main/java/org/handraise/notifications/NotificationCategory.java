package org.handraise.notifications;

/**
 * What a notification is about, as a person chooses how to hear of it by email: the inbox
 * always gets everything. Each has a default delivery for people who chose nothing.
 */
public enum NotificationCategory {

	/** What happens to my requests: claimed, released, answered, commented on. */
	MY_REQUESTS("myRequests", Delivery.IMMEDIATE),

	/** What happens to requests I claimed, offered help on, follow or am mentioned in. */
	HELPING("helping", Delivery.IMMEDIATE),

	/** New requests on one of my skills: a daily digest by default, not a mail each. */
	SKILL_MATCHES("skillMatches", Delivery.DAILY),

	/** Thank-you notes to me. */
	THANKS("thanks", Delivery.IMMEDIATE);

	private final String property;

	private final Delivery byDefault;

	NotificationCategory(String property, Delivery byDefault) {
		this.property = property;
		this.byDefault = byDefault;
	}

	/** Its name in the API's settings ({@code myRequests}). */
	public String property() {
		return this.property;
	}

	public Delivery byDefault() {
		return this.byDefault;
	}

}
