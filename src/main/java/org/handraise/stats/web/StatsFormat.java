package org.handraise.stats.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Figures for people, as {@code ${fmt.count(value, suppressed)}} in the dashboard: a
 * suppressed figure reads "hidden: fewer than 3 people", a missing one a dash, durations
 * in minutes, hours or days, shares as percentages, and every date in one format
 * ({@value #DATE_PATTERN}: "4 Dec 2026"), in the period line, the tables and the charts
 * alike (the date inputs are ISO, as HTML has them; the CSV and the API stay ISO too).
 */
public final class StatsFormat {

	/** The one date format of the dashboard. */
	static final String DATE_PATTERN = "d MMM uuuu";

	private final MessageSource messages;

	StatsFormat(MessageSource messages) {
		this.messages = messages;
	}

	public String count(Number value, boolean suppressed) {
		if (value == null) {
			return missing(suppressed);
		}
		return NumberFormat.getIntegerInstance(locale()).format(value);
	}

	public String count(Number value) {
		return count(value, false);
	}

	public String decimal(Double value, boolean suppressed) {
		if (value == null) {
			return missing(suppressed);
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(2);
		return format.format(value);
	}

	public String percent(Double share, boolean suppressed) {
		if (share == null) {
			return missing(suppressed);
		}
		NumberFormat format = NumberFormat.getPercentInstance(locale());
		format.setMaximumFractionDigits(1);
		return format.format(share);
	}

	public String percent(Double share) {
		return percent(share, false);
	}

	/**
	 * A duration given in minutes: minutes below two hours, hours below two days, else
	 * days.
	 */
	public String duration(Double minutes, boolean suppressed) {
		if (minutes == null) {
			return missing(suppressed);
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(1);
		if (minutes < 120) {
			return message("stats.duration.minutes", format.format(minutes));
		}
		if (minutes < 48 * 60) {
			return message("stats.duration.hours", format.format(minutes / 60));
		}
		return message("stats.duration.days", format.format(minutes / (24 * 60)));
	}

	public String duration(Double minutes) {
		return duration(minutes, false);
	}

	/** A day, as "4 Dec 2026". */
	public String date(LocalDate day) {
		return (day == null) ? message("stats.none") : dates(locale()).format(day);
	}

	/** A moment in UTC, labelled as such: "4 Dec 2026, 12:00 UTC". */
	public String dateTime(Instant instant) {
		if (instant == null) {
			return message("stats.none");
		}
		return message("stats.dateTime", date(instant.atOffset(ZoneOffset.UTC).toLocalDate()),
				DateTimeFormatter.ofPattern("HH:mm", locale()).format(instant.atOffset(ZoneOffset.UTC)));
	}

	/** The dashboard's date format in {@code locale}. */
	static DateTimeFormatter dates(Locale locale) {
		return DateTimeFormatter.ofPattern(DATE_PATTERN, locale);
	}

	private String missing(boolean suppressed) {
		return message(suppressed ? "stats.suppressed" : "stats.none");
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
