package org.handraise.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times for people: "3 hours ago", with the exact time in the viewer's locale on hover.
 * {@code ${@times.relative(instant)}} and {@code ${@times.exact(instant)}} in templates.
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
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(locale)
			.format(instant.atZone(zone()));
	}

	public String exact(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.format(instant.atZone(zone()));
	}

	private static ZoneId zone() {
		return ZoneId.systemDefault();
	}

}
