package org.handraise.notifications;

/**
 * How a person hears of a category by email.
 */
public enum Delivery {

	/** A mail for each notification, as soon as it is sent. */
	IMMEDIATE,

	/** One mail a day with what happened, grouped by request. */
	DAILY,

	/** One mail a week. */
	WEEKLY,

	/** No mail; the inbox still has it. */
	OFF

}
