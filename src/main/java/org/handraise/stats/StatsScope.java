package org.handraise.stats;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handraise.shared.InvalidInputException;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What one report is about, as SQL: the period and the moments the figures are measured
 * against as named parameters, the team and topic ids, and whether the requests posted in
 * the period are hidden by the privacy floor. Shared by every section's query.
 * <p>
 * The parameters: {@code start} and {@code end} (the period's first moment and the moment
 * after its last), {@code firstDay}, {@code lastDay} and {@code weekZeroDay} (UTC epoch
 * days), {@code weekZero} (epoch seconds of the Monday the weekly series starts on),
 * {@code now} (epoch seconds) with {@code day1}, {@code day3}, {@code day7} and
 * {@code staleBefore} before it, {@code target} and {@code stale} (seconds),
 * {@code helpersLimit}, {@code teamId} and {@code topicId} (null for every team or
 * topic).
 * <p>
 * Each query writes its statements whole, as text blocks. A filter that applies only to
 * some scopes is a line of its own that ends in a marker, and {@link #sql} keeps it (the
 * marker removed) or drops it: {@code -- team} when narrowed to a team, {@code -- topic}
 * when narrowed to a topic.
 */
record StatsScope(StatsQuery query, Instant now, MapSqlParameterSource params, Long teamId, Long topicId,
		boolean cohortSuppressed) {

	private static final long DAY = 86_400;

	private static final Pattern FILTER = Pattern.compile("\\s*-- (team|topic)$");

	/**
	 * The scope of {@code query} at {@code now}, with the cohort not (yet) suppressed.
	 * @throws InvalidInputException when the team or topic does not exist
	 */
	static StatsScope of(NamedParameterJdbcTemplate jdbc, StatsQuery query, Instant now, StatsProperties properties) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		params.addValue("start", utc(query.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
		params.addValue("end", utc(query.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
		params.addValue("weekZero", query.firstWeek().atStartOfDay().toEpochSecond(ZoneOffset.UTC));
		params.addValue("firstDay", query.from().toEpochDay());
		params.addValue("lastDay", query.to().toEpochDay());
		params.addValue("weekZeroDay", query.firstWeek().toEpochDay());
		params.addValue("now", now.getEpochSecond());
		params.addValue("day1", utc(now.minusSeconds(DAY)));
		params.addValue("day3", utc(now.minusSeconds(3 * DAY)));
		params.addValue("day7", utc(now.minusSeconds(7 * DAY)));
		params.addValue("staleBefore", utc(now.minus(properties.staleClaimAfter())));
		params.addValue("target", properties.firstResponseTarget().toSeconds());
		params.addValue("stale", properties.staleClaimAfter().toSeconds());
		params.addValue("helpersLimit", properties.helpersLimit());
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		Long teamId = null;
		if (query.team() != null) {
			teamId = idOf(jdbc, "select id from teams where name = :name", query.team());
			if (teamId == null) {
				errors.add(new InvalidInputException.FieldError("team", StatsMessages.NO_SUCH_TEAM.with(query.team())));
			}
		}
		Long topicId = null;
		if (query.topic() != null) {
			topicId = idOf(jdbc, "select id from topics where name = :name", query.topic().toLowerCase(Locale.ROOT));
			if (topicId == null) {
				errors.add(
						new InvalidInputException.FieldError("topic", StatsMessages.NO_SUCH_TOPIC.with(query.topic())));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		params.addValue("teamId", teamId);
		params.addValue("topicId", topicId);
		return new StatsScope(query, now, params, teamId, topicId, false);
	}

	private static Long idOf(NamedParameterJdbcTemplate jdbc, String sql, String name) {
		List<Long> ids = jdbc.queryForList(sql, Map.of("name", name), Long.class);
		return ids.isEmpty() ? null : ids.get(0);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	boolean narrowedToTeam() {
		return this.teamId != null;
	}

	/**
	 * Whether the figures about the whole organisation's requests come from the daily
	 * roll-ups: neither a team nor a topic narrows them (the roll-ups have neither
	 * authors' teams nor, besides the topic split, topics).
	 */
	boolean rolledUp() {
		return this.teamId == null && this.topicId == null;
	}

	StatsScope withCohortSuppressed(boolean suppressed) {
		return new StatsScope(this.query, this.now, this.params, this.teamId, this.topicId, suppressed);
	}

	/**
	 * Whether a figure built from {@code askers} distinct askers is hidden: only when
	 * narrowed to a team (every figure is then a per-team cell).
	 * {@link #cohortSuppressed()}: the requests posted in the period are.
	 */
	boolean floored(long askers) {
		return PrivacyFloor.suppresses(narrowedToTeam(), askers);
	}

	/**
	 * The statement {@code template} for this scope: each line ending in {@code -- team}
	 * or {@code -- topic} kept without its marker when the scope is narrowed to a team or
	 * a topic, dropped when it is not.
	 */
	String sql(String template) {
		StringBuilder sql = new StringBuilder(template.length());
		for (String line : template.split("\n")) {
			Matcher filter = FILTER.matcher(line);
			if (!filter.find()) {
				sql.append(line).append('\n');
			}
			else if ("team".equals(filter.group(1)) ? this.teamId != null : this.topicId != null) {
				sql.append(line, 0, filter.start()).append('\n');
			}
		}
		return sql.toString();
	}

}
