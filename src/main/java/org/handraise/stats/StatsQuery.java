package org.handraise.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.handraise.shared.InvalidInputException;
import org.handraise.shared.InvalidInputException.FieldError;

/**
 * What a manager asks the statistics for: a period of whole days (UTC, both ends
 * included), optionally narrowed to one team and/or one topic. Built from raw request
 * parameters by {@link #parse}, which applies the defaults and reports every bad field at
 * once.
 *
 * @param from first day of the period, included
 * @param to last day of the period, included
 * @param team a team name, or {@code null} for every team
 * @param topic a topic name, or {@code null} for every topic
 */
public record StatsQuery(LocalDate from, LocalDate to, String team, String topic) {

	/** The default period: the current ISO week and the seven before it. */
	public static final int DEFAULT_WEEKS = 8;

	/** The longest period one report covers (three years), so a report stays bounded. */
	public static final int MAX_DAYS = 3 * 366;

	public StatsQuery {
		if (from == null || to == null) {
			throw new IllegalArgumentException("from and to are required");
		}
	}

	/**
	 * The query for raw parameters; blank means "not given". Without dates the period is
	 * the last {@value #DEFAULT_WEEKS} weeks: from the Monday seven weeks before this
	 * week's Monday up to today. With only {@code to}, the period is the eight weeks
	 * ending on it; with only {@code from}, it ends today.
	 * @throws InvalidInputException for a date that is not {@code YYYY-MM-DD},
	 * {@code from} after {@code to}, a period longer than {@value #MAX_DAYS} days, or a
	 * team or topic name that is too long
	 */
	public static StatsQuery parse(String from, String to, String team, String topic, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		LocalDate start = date("from", from, errors);
		LocalDate end = date("to", to, errors);
		String teamName = name("team", team, 60, errors);
		String topicName = name("topic", topic, 30, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (end == null) {
			end = (start != null && start.isAfter(today)) ? start : today;
		}
		if (start == null) {
			start = end.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(DEFAULT_WEEKS - 1);
		}
		if (start.isAfter(end)) {
			throw InvalidInputException.of("from", StatsMessages.FROM_AFTER_TO.with(end.toString()));
		}
		if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			throw InvalidInputException.of("to", StatsMessages.PERIOD_TOO_LONG.with(MAX_DAYS));
		}
		return new StatsQuery(start, end, teamName, topicName);
	}

	/** The default query: the last eight weeks, every team, every topic. */
	public static StatsQuery defaults(LocalDate today) {
		return parse(null, null, null, null, today);
	}

	/**
	 * The Monday of the week {@link #from()} falls in: where the weekly series starts.
	 */
	public LocalDate firstWeek() {
		return this.from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/**
	 * Whether the figures are narrowed to one team, so every figure about asking is a
	 * per-team cell.
	 */
	public boolean narrowedToTeam() {
		return this.team != null;
	}

	private static LocalDate date(String field, String raw, List<FieldError> errors) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(raw.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, StatsMessages.NOT_A_DATE.with()));
			return null;
		}
	}

	private static String name(String field, String raw, int max, List<FieldError> errors) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String name = raw.strip();
		if (name.length() > max) {
			errors.add(new FieldError(field, StatsMessages.NAME_TOO_LONG.with(max)));
			return null;
		}
		return name;
	}

}
