package org.handraise.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times for people: "3 hours ago", with the exact time on hover.
 * {@code ${times.relative(instant)}}, {@code ${times.exact(instant)}} and
 * {@code ${times.iso(instant)}} in templates.
 * <p>
 * The server does not know the viewer's time zone (nobody's profile has one), so the
 * exact time it writes is in UTC and says so ("2 Mar 2026, 10:00 UTC"), in the viewer's
 * locale; {@code handraise.js} then replaces it with the time in the browser's own zone
 * and locale ({@code Intl.DateTimeFormat}), read from the {@code <time datetime>}
 * attribute, which stays a machine-readable ISO instant.
 */
@Component("times")
public class Times {

	private final MessageSource messages;

	private final Clock clock;

	public Times(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public String relative(Instant instant) {
		if (instant == null) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		Duration ago = Duration.between(instant, this.clock.instant());
		if (ago.isNegative() || ago.toSeconds() < 60) {
			return this.messages.getMessage("time.just-now", null, locale);
		}
		if (ago.toMinutes() < 60) {
			return this.messages.getMessage("time.minutes-ago", new Object[] { ago.toMinutes() }, locale);
		}
		if (ago.toHours() < 24) {
			return this.messages.getMessage("time.hours-ago", new Object[] { ago.toHours() }, locale);
		}
		if (ago.toDays() < 30) {
			return this.messages.getMessage("time.days-ago", new Object[] { ago.toDays() }, locale);
		}
		// the date in UTC, like the exact time on hover
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(utc(instant));
	}

	/**
	 * The exact time in UTC, labelled as such, in the viewer's locale ("Mar 2, 2026,
	 * 10:00 AM UTC").
	 */
	public String exact(Instant instant) {
		if (instant == null) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		String dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.format(utc(instant));
		return this.messages.getMessage("time.exact-utc", new Object[] { dateTime }, locale);
	}

	/**
	 * The instant for {@code <time datetime>}: ISO 8601 in UTC to the second
	 * ({@code 2026-03-02T10:00:00Z}); HTML allows at most three decimals, and people need
	 * none.
	 */
	public String iso(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)) : "";
	}

	private static ZonedDateTime utc(Instant instant) {
		return instant.atZone(ZoneOffset.UTC);
	}

}
