package org.handraise.notifications;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.handraise.shared.InvalidInputException;
import org.handraise.shared.InvalidInputException.FieldError;

/**
 * How a person hears of each category by email; the inbox always gets everything.
 *
 * @param myRequests what happens to my requests
 * @param helping what happens to requests I help with
 * @param skillMatches new requests on my skills
 * @param thanks thank-you notes to me
 */
public record NotificationSettings(Delivery myRequests, Delivery helping, Delivery skillMatches, Delivery thanks) {

	/** What a person who chose nothing gets. */
	public static NotificationSettings defaults() {
		return of(new EnumMap<>(NotificationCategory.class));
	}

	/** The settings from a delivery per category; a missing category has its default. */
	static NotificationSettings of(Map<NotificationCategory, Delivery> chosen) {
		return new NotificationSettings(pick(chosen, NotificationCategory.MY_REQUESTS),
				pick(chosen, NotificationCategory.HELPING), pick(chosen, NotificationCategory.SKILL_MATCHES),
				pick(chosen, NotificationCategory.THANKS));
	}

	/**
	 * Settings as typed (a form, a JSON body): every category needs one of
	 * {@code IMMEDIATE}, {@code DAILY}, {@code WEEKLY} or {@code OFF}; each missing or
	 * unknown one is a field error named after the category ({@code skillMatches}).
	 */
	public static NotificationSettings parse(String myRequests, String helping, String skillMatches, String thanks) {
		List<FieldError> errors = new ArrayList<>();
		Delivery[] parsed = { parse("myRequests", myRequests, errors), parse("helping", helping, errors),
				parse("skillMatches", skillMatches, errors), parse("thanks", thanks, errors) };
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new NotificationSettings(parsed[0], parsed[1], parsed[2], parsed[3]);
	}

	public Delivery of(NotificationCategory category) {
		return switch (category) {
			case MY_REQUESTS -> this.myRequests;
			case HELPING -> this.helping;
			case SKILL_MATCHES -> this.skillMatches;
			case THANKS -> this.thanks;
		};
	}

	private static Delivery pick(Map<NotificationCategory, Delivery> chosen, NotificationCategory category) {
		return chosen.getOrDefault(category, category.byDefault());
	}

	private static Delivery parse(String field, String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, NotificationMessages.SETTING_MISSING.with(field)));
			return null;
		}
		try {
			return Delivery.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError(field, NotificationMessages.SETTING_UNKNOWN.with(value)));
			return null;
		}
	}

}
