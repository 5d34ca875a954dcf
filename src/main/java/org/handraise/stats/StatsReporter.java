package org.handraise.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;

import org.handraise.shared.DatabaseProduct;
import org.handraise.shared.InvalidInputException;
import org.handraise.stats.StatsProperties.PercentileMode;
import org.handraise.stats.StatsReport.AgeBucket;
import org.handraise.stats.StatsReport.Backlog;
import org.handraise.stats.StatsReport.Durations;
import org.handraise.stats.StatsReport.Gratitude;
import org.handraise.stats.StatsReport.Helper;
import org.handraise.stats.StatsReport.Leaders;
import org.handraise.stats.StatsReport.Period;
import org.handraise.stats.StatsReport.Reciprocity;
import org.handraise.stats.StatsReport.Requests;
import org.handraise.stats.StatsReport.Responsiveness;
import org.handraise.stats.StatsReport.Share;
import org.handraise.stats.StatsReport.TeamRow;
import org.handraise.stats.StatsReport.TeamTopicRow;
import org.handraise.stats.StatsReport.Teams;
import org.handraise.stats.StatsReport.TopicRow;
import org.handraise.stats.StatsReport.Week;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a manager statistics report: read-only SQL aggregates ({@code GROUP BY},
 * {@code percentile_cont}) over requests, offers, thank-you notes and the request
 * history. Nothing is counted by loading rows into Java: every figure is one aggregate
 * row or one row per group; only the percentile fallback reads a sorted column of
 * durations. The SQL runs on PostgreSQL and on H2 in PostgreSQL mode. One report is one
 * repeatable-read transaction, so its figures agree with each other. Only
 * {@link StatsService} calls it: that is where who may ask is checked, before a kept
 * report is served or a new one computed.
 * <p>
 * See {@link StatsReport} for what each figure means and {@link PrivacyFloor} for what is
 * never shown.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class StatsReporter {

	private static final long DAY = 86_400;

	private static final long WEEK = 7 * DAY;

	private static final String OPEN_STATUSES = "('OPEN', 'CLAIMED', 'ANSWERED')";

	private final NamedParameterJdbcTemplate jdbc;

	private final SnapshotReads snapshotReads;

	private final StatsProperties properties;

	private final Clock clock;

	private final DatabaseProduct database;

	StatsReporter(NamedParameterJdbcTemplate jdbc, SnapshotReads snapshotReads, DatabaseProduct database,
			StatsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.database = database;
		this.snapshotReads = snapshotReads;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Every figure for {@code query}.
	 * @throws InvalidInputException when the team or topic does not exist
	 */
	public StatsReport report(StatsQuery query) {
		if (this.database.isPostgres()) {
			// Plans for these parameters, not generic ones: a generic plan guesses a
			// period's share of the rows (0.5 %), which turns an index probe per manager
			// into a scan of the whole period.
			this.jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
		}
		Scope unfloored = scope(query, this.clock.instant().truncatedTo(ChronoUnit.SECONDS));
		Cohort cohort = cohort(unfloored);
		Scope scope = unfloored.withCohortSuppressed(unfloored.floored(cohort.askers()));
		// the per-person figures on a second connection with the same snapshot, when one
		// is free
		Future<People> side = this.database.isPostgres()
				? this.snapshotReads.trySubmit(exportSnapshot(), (db) -> people(db, scope)) : null;
		Period period = period(scope);
		Requests requests = requests(scope, cohort);
		Responsiveness responsiveness = responsiveness(scope, cohort);
		Backlog backlog = backlog(scope);
		List<Helper> helpers = helpers(scope);
		Gratitude gratitude = gratitude(scope, cohort);
		List<Week> weekly = weekly(scope);
		People people = (side != null) ? SnapshotReads.await(side) : people(this.jdbc, scope);
		return new StatsReport(period, requests, responsiveness, backlog, people.teams(), helpers, gratitude,
				people.reciprocity(), weekly);
	}

	private String exportSnapshot() {
		return this.jdbc.getJdbcTemplate().queryForObject("select pg_export_snapshot()", String.class);
	}

	private People people(NamedParameterJdbcTemplate db, Scope s) {
		return new People(teams(db, s), reciprocity(db, s));
	}

	/** The figures about who asked (per team, and who both asked and helped). */
	private record People(Teams teams, Reciprocity reciprocity) {
	}

	// scope: the period and the filters as SQL

	private Scope scope(StatsQuery query, Instant now) {
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
		params.addValue("day7", utc(now.minusSeconds(WEEK)));
		params.addValue("staleBefore", utc(now.minus(this.properties.staleClaimAfter())));
		params.addValue("target", this.properties.firstResponseTarget().toSeconds());
		params.addValue("stale", this.properties.staleClaimAfter().toSeconds());
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		Long teamId = null;
		if (query.team() != null) {
			teamId = idOf("select id from teams where name = :name", query.team());
			if (teamId == null) {
				errors.add(new InvalidInputException.FieldError("team", StatsMessages.NO_SUCH_TEAM.with(query.team())));
			}
		}
		Long topicId = null;
		if (query.topic() != null) {
			topicId = idOf("select id from topics where name = :name", query.topic().toLowerCase(Locale.ROOT));
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
		return new Scope(query, now, params, teamId, topicId, false);
	}

	private Long idOf(String sql, String name) {
		List<Long> ids = this.jdbc.queryForList(sql, Map.of("name", name), Long.class);
		return ids.isEmpty() ? null : ids.get(0);
	}

	private Period period(Scope scope) {
		return new Period(scope.query().from(), scope.query().to(), scope.query().team(), scope.query().topic(),
				scope.now(), this.properties.firstResponseTarget().toHours(),
				this.properties.staleClaimAfter().toDays(), PrivacyFloor.MIN_ASKERS);
	}

	// the cohort: requests posted in the period, in one scan

	/**
	 * Every count over the requests posted in the period, in one pass: volume, named
	 * askers (for the floor), the first-response target, reopens and thanks. The history
	 * is read only for reopens, which are rare and found through
	 * {@code (to_status, from_status, occurred_at)}. A request was answered or resolved
	 * at some time if it has an offer, is resolved now, or was reopened (the only way
	 * back from resolved without an offer). Events and notes about a request posted in
	 * the period are never older than the period. Narrowed to a team, a request counts as
	 * thanked only for a public note (private notes count only organisation-wide): one
	 * hashed set of the public notes its members (the only ones who thank for their
	 * requests) sent since the period began, read through
	 * {@code (is_public, created_at)}; a probe per thanked request cost more, mostly in
	 * the planner's JIT.
	 */
	private Cohort cohort(Scope s) {
		if (s.rolledUp()) {
			return rolledUpCohort(s);
		}
		String sql = "select count(*) as posted, " + statusSums("f") + ", "
				+ "coalesce(sum(case when f.anonymous then 1 else 0 end), 0) as anonymous, " + namedAskers("f")
				+ " as askers," + " coalesce(sum(case when f.reopened then 1 else 0 end), 0) as reopened,"
				+ " coalesce(sum(case when f.first_response_s is not null or f.status = 'RESOLVED'"
				+ " or f.reopened then 1 else 0 end), 0) as answered,"
				+ " coalesce(sum(case when f.status = 'RESOLVED' and f.thanked"
				+ (s.narrowedToTeam()
						? " and f.request_id in (select tn.request_id from thank_you_notes tn where tn.is_public = true"
								+ " and tn.created_at >= :start" + s.teamOfPerson("tn.from_id") + ")"
						: "")
				+ " then 1 else 0 end), 0) as thanked from stats_request f where " + s.cohort("f");
		return this.jdbc.queryForObject(sql, s.params(),
				(rs, n) -> new Cohort(rs.getLong("posted"), rs.getLong("resolved"), rs.getLong("cancelled"),
						rs.getLong("still_open"), rs.getLong("anonymous"), rs.getLong("askers"), rs.getLong("reopened"),
						rs.getLong("answered"), rs.getLong("thanked")));
	}

	/**
	 * The same counts from the daily roll-up ({@code stats_day}), for the whole
	 * organisation: a few rows per day instead of one per request. The number of distinct
	 * askers only matters when narrowed to a team (the privacy floor), which never reads
	 * the roll-up, so it is not counted here.
	 */
	private Cohort rolledUpCohort(Scope s) {
		String sql = "select coalesce(sum(d.posted), 0) as posted," + " " + statusSums("d", "d.posted") + ","
				+ " coalesce(sum(case when d.anonymous then d.posted else 0 end), 0) as anonymous,"
				+ " coalesce(sum(d.reopened), 0) as reopened, coalesce(sum(d.answered), 0) as answered,"
				+ " coalesce(sum(case when d.status = 'RESOLVED' then d.thanked else 0 end), 0) as thanked"
				+ " from stats_day d where d.epoch_day >= :firstDay and d.epoch_day <= :lastDay";
		return this.jdbc.queryForObject(sql, s.params(),
				(rs, n) -> new Cohort(rs.getLong("posted"), rs.getLong("resolved"), rs.getLong("cancelled"),
						rs.getLong("still_open"), rs.getLong("anonymous"), Cohort.NOT_COUNTED, rs.getLong("reopened"),
						rs.getLong("answered"), rs.getLong("thanked")));
	}

	/**
	 * {@code askers}: distinct named askers, {@link #NOT_COUNTED} when the scope has no
	 * privacy floor.
	 */
	private record Cohort(long posted, long resolved, long cancelled, long stillOpen, long anonymous, long askers,
			long reopened, long answered, long thanked) {

		static final long NOT_COUNTED = Long.MAX_VALUE;

	}

	/**
	 * Of the requests posted in the period: offered within the target, and those the
	 * target applies to.
	 */
	private static String targetSums(String f) {
		return "coalesce(sum(case when " + f + ".first_response_s <= :target then 1 else 0 end), 0) as met,"
				+ " coalesce(sum(case when " + f + ".first_response_s is not null then 1" + " when " + f
				+ ".status in ('RESOLVED', 'CANCELLED') and " + f + ".closed_s <= :target then 0" + " when :now - " + f
				+ ".created_epoch > :target then 1 else 0 end), 0) as eligible";
	}

	// volume

	private Requests requests(Scope s, Cohort c) {
		List<TopicRow> byTopic = topics(s);
		if (s.cohortSuppressed()) {
			return new Requests(true, null, null, null, null, null, byTopic);
		}
		return new Requests(false, c.posted(), c.resolved(), c.cancelled(), c.stillOpen(), c.anonymous(), byTopic);
	}

	private List<TopicRow> topics(Scope s) {
		if (s.rolledUp()) {
			// the whole organisation: no floor, so no askers to count
			String sql = "select t.name as topic, sum(d.posted) as posted," + " " + statusSums("d", "d.posted")
					+ " from stats_day_topic d join topics t on t.id = d.topic_id"
					+ " where d.epoch_day >= :firstDay and d.epoch_day <= :lastDay"
					+ " group by t.name having sum(d.posted) > 0 order by 2 desc, 1";
			return this.jdbc.query(sql, s.params(), (rs, n) -> new TopicRow(rs.getString("topic"), false,
					rs.getLong("posted"), rs.getLong("resolved"), rs.getLong("cancelled"), rs.getLong("still_open")));
		}
		// per topic and asker first (a hash aggregate), then per topic: each named inner
		// row is one distinct asker
		String perAsker = "select x.topic_id as topic_id, x.author_id as author_id, x.anonymous as anonymous,"
				+ " count(*) as posted, " + statusSums("x") + " from stats_request_topic x where " + s.period("x")
				+ s.teamOfRequest("x") + ((s.topicId() != null) ? " and x.topic_id = :topicId" : "")
				+ " group by x.topic_id, x.author_id, x.anonymous";
		String sql = "select t.name as topic, sum(a.posted) as posted, sum(a.resolved) as resolved,"
				+ " sum(a.cancelled) as cancelled, sum(a.still_open) as still_open,"
				+ " coalesce(sum(case when a.anonymous = false then 1 else 0 end), 0) as askers from (" + perAsker
				+ ") a join topics t on t.id = a.topic_id group by t.name order by 2 desc, 1";
		return this.jdbc.query(sql, s.params(),
				(rs, n) -> s.floored(rs.getLong("askers"))
						? new TopicRow(rs.getString("topic"), true, null, null, null, null)
						: new TopicRow(rs.getString("topic"), false, rs.getLong("posted"), rs.getLong("resolved"),
								rs.getLong("cancelled"), rs.getLong("still_open")));
	}

	/**
	 * Resolved, cancelled and still open among rows of alias {@code r}, each row counting
	 * once.
	 */
	private static String statusSums(String r) {
		return statusSums(r, "1");
	}

	/**
	 * The same, each row counting {@code weight} (a roll-up row stands for its
	 * {@code posted} requests).
	 */
	private static String statusSums(String r, String weight) {
		return "coalesce(sum(case when " + r + ".status = 'RESOLVED' then " + weight + " else 0 end), 0)"
				+ " as resolved, coalesce(sum(case when " + r + ".status = 'CANCELLED' then " + weight
				+ " else 0 end), 0) as cancelled, coalesce(sum(case when " + r + ".status in " + OPEN_STATUSES
				+ " then " + weight + " else 0 end), 0) as still_open";
	}

	private static String namedAskers(String r) {
		return "count(distinct case when " + r + ".anonymous = false then " + r + ".author_id end)";
	}

	// responsiveness

	private Responsiveness responsiveness(Scope s, Cohort c) {
		if (s.cohortSuppressed()) {
			return new Responsiveness(true, null, null, null, null, null);
		}
		if (percentilesInSql()) {
			// the three durations and the target in one pass: percentile_cont and
			// count(column) leave out nulls
			String sql = "select " + percentiles("f.first_response_s", "fr") + ", "
					+ percentiles("f.first_claim_s", "cl") + ", " + percentiles("f.resolved_s", "rs") + ", "
					+ targetSums("f") + " from stats_request f where " + s.cohort("f");
			return this.jdbc.queryForObject(sql, s.params(),
					(rs, n) -> new Responsiveness(false, durations(rs, "fr"), durations(rs, "cl"), durations(rs, "rs"),
							Share.of(rs.getLong("met"), rs.getLong("eligible")), Share.of(c.reopened(), c.answered())));
		}
		Share target = this.jdbc.queryForObject(
				"select " + targetSums("f") + " from stats_request f where " + s.cohort("f"), s.params(),
				(rs, n) -> Share.of(rs.getLong("met"), rs.getLong("eligible")));
		return new Responsiveness(false, durations(s, firstResponses(s)), durations(s, claims(s)),
				durations(s, resolutions(s)), target, Share.of(c.reopened(), c.answered()));
	}

	private static String percentiles(String column, String name) {
		return "count(" + column + ") as " + name + "_n, percentile_cont(0.5) within group (order by " + column
				+ ") as " + name + "_p50, percentile_cont(0.9) within group (order by " + column + ") as " + name
				+ "_p90";
	}

	private static Durations durations(ResultSet rs, String name) throws SQLException {
		return new Durations(rs.getLong(name + "_n"), minutes(number(rs, name + "_p50")),
				minutes(number(rs, name + "_p90")));
	}

	/** Seconds from posting to the first offer, with the posting week as {@code wk}. */
	private static String firstResponses(Scope s) {
		return "select f.first_response_s as d, " + week("f.created_epoch") + " as wk from stats_request f where "
				+ s.cohort("f") + " and f.first_response_s is not null";
	}

	/**
	 * Seconds from posting to the first claim (claims can be released, so from the
	 * history).
	 */
	private static String claims(Scope s) {
		return "select f.first_claim_s as d from stats_request f where " + s.cohort("f")
				+ " and f.first_claim_s is not null";
	}

	/** Seconds from posting to the resolution of requests that are resolved now. */
	private static String resolutions(Scope s) {
		return "select f.resolved_s as d from stats_request f where " + s.cohort("f") + " and f.resolved_s is not null";
	}

	private Durations durations(Scope s, String inner) {
		if (percentilesInSql()) {
			String sql = "select count(*) as n, percentile_cont(0.5) within group (order by " + real("x.d")
					+ ") as p50, percentile_cont(0.9) within group (order by " + real("x.d") + ") as p90 from (" + inner
					+ ") x";
			return this.jdbc.queryForObject(sql, s.params(),
					(rs, n) -> new Durations(rs.getLong("n"), minutes(number(rs, "p50")), minutes(number(rs, "p90"))));
		}
		List<Double> sorted = this.jdbc.queryForList(
				"select " + real("x.d") + " as d from (" + inner + ") x order by 1", s.params(), Double.class);
		return new Durations(sorted.size(), minutes(Percentiles.median(sorted)), minutes(Percentiles.p90(sorted)));
	}

	/** The median of {@code d} per week {@code wk} of {@code inner}. */
	private Map<Long, Double> weeklyMedians(Scope s, String inner) {
		Map<Long, Double> medians = new HashMap<>();
		if (percentilesInSql()) {
			this.jdbc.query("select x.wk as wk, percentile_cont(0.5) within group (order by " + real("x.d")
					+ ") as p50 from (" + inner + ") x group by x.wk", s.params(), (ResultSet rs) -> {
						medians.put(rs.getLong("wk"), minutes(number(rs, "p50")));
					});
			return medians;
		}
		Map<Long, List<Double>> byWeek = new LinkedHashMap<>();
		this.jdbc.query("select x.wk as wk, " + real("x.d") + " as d from (" + inner + ") x order by 1, 2", s.params(),
				(ResultSet rs) -> {
					byWeek.computeIfAbsent(rs.getLong("wk"), (k) -> new ArrayList<>()).add(rs.getDouble("d"));
				});
		byWeek.forEach((wk, sorted) -> medians.put(wk, minutes(Percentiles.median(sorted))));
		return medians;
	}

	private boolean percentilesInSql() {
		PercentileMode mode = this.properties.percentiles();
		if (mode != PercentileMode.AUTO) {
			return mode == PercentileMode.SQL;
		}
		return this.database.isPostgres() || this.database.isH2();
	}

	// backlog

	private Backlog backlog(Scope s) {
		if (!s.narrowedToTeam()) {
			// no floor, so no askers: open requests by posting time and claims by claim
			// time, compared with the bucket boundaries as timestamps (index-only on
			// (status, created_at) and (status, claimed_by_id, claimed_at)); age < 1 day
			// is the same as posted after now - 1 day
			String sql = "select coalesce(sum(case when r.created_at > :day1 then 1 else 0 end), 0) as lt1d,"
					+ " coalesce(sum(case when r.created_at <= :day1 and r.created_at > :day3 then 1 else 0 end), 0)"
					+ " as d1to3,"
					+ " coalesce(sum(case when r.created_at <= :day3 and r.created_at > :day7 then 1 else 0 end), 0)"
					+ " as d3to7, coalesce(sum(case when r.created_at <= :day7 then 1 else 0 end), 0) as gt7d,"
					+ " (select count(*) from help_requests c where c.status = 'CLAIMED' and c.claimed_at < :staleBefore"
					+ s.topicOf("c.id") + ") as stale from help_requests r where r.status = 'OPEN'" + s.topicOf("r.id");
			return this.jdbc.queryForObject(sql, s.params(), (rs, n) -> backlog(rs));
		}
		String age = "(:now - " + epoch("r.created_at") + ")";
		// distinct askers only for the privacy floor, which applies when narrowed to a
		// team
		String sql = "select " + (s.narrowedToTeam() ? namedAskers("r") : "0") + " as askers, "
				+ bucket(age + " < " + DAY) + " as lt1d, "
				+ bucket(age + " >= " + DAY + " and " + age + " < " + (3 * DAY)) + " as d1to3, "
				+ bucket(age + " >= " + (3 * DAY) + " and " + age + " < " + WEEK) + " as d3to7, "
				+ bucket(age + " >= " + WEEK) + " as gt7d, " + "coalesce(sum(case when r.status = 'CLAIMED' and :now - "
				+ epoch("r.claimed_at") + " > :stale then 1 else 0 end), 0) as stale"
				+ " from help_requests r where r.status in ('OPEN', 'CLAIMED')" + s.teamOfRawRequest("r")
				+ s.topicOf("r.id");
		return this.jdbc.queryForObject(sql, s.params(), (rs, n) -> {
			if (s.floored(rs.getLong("askers"))) {
				return new Backlog(true, null, List.of(new AgeBucket("lt1d", null), new AgeBucket("1to3d", null),
						new AgeBucket("3to7d", null), new AgeBucket("gt7d", null)), null);
			}
			return backlog(rs);
		});
	}

	private static Backlog backlog(ResultSet rs) throws SQLException {
		long lt1 = rs.getLong("lt1d");
		long d1to3 = rs.getLong("d1to3");
		long d3to7 = rs.getLong("d3to7");
		long gt7 = rs.getLong("gt7d");
		return new Backlog(false, lt1 + d1to3 + d3to7 + gt7, List.of(new AgeBucket("lt1d", lt1),
				new AgeBucket("1to3d", d1to3), new AgeBucket("3to7d", d3to7), new AgeBucket("gt7d", gt7)),
				rs.getLong("stale"));
	}

	private static String bucket(String condition) {
		return "coalesce(sum(case when r.status = 'OPEN' and " + condition + " then 1 else 0 end), 0)";
	}

	// teams

	private Teams teams(NamedParameterJdbcTemplate db, Scope s) {
		String teamFilter = (s.teamId() != null) ? " where t.id = :teamId" : "";
		Map<Long, String> names = new LinkedHashMap<>();
		Map<Long, Long> members = new HashMap<>();
		db.query("select t.id as id, t.name as name, count(distinct m.person_id) as members from teams t"
				+ " left join stats_membership m on m.team_id = t.id and " + s.memberInPeriod("m") + teamFilter
				+ " group by t.id, t.name order by t.name", s.params(), (ResultSet rs) -> {
					names.put(rs.getLong("id"), rs.getString("name"));
					members.put(rs.getLong("id"), rs.getLong("members"));
				});
		String perAsker = "select f.team_id as team_id, f.author_id as author_id, count(*) as requests"
				+ " from stats_request f where " + s.cohort("f")
				+ " and f.anonymous = false and f.team_id is not null group by f.team_id, f.author_id";
		Map<Long, long[]> asking = new HashMap<>();
		db.query("select a.team_id as team_id, count(*) as askers, sum(a.requests) as requests,"
				+ " coalesce(sum(case when exists (select 1 from stats_request e where e.author_id = a.author_id"
				+ " and e.anonymous = false and e.created_at < :start) then 0 else 1 end), 0) as first_time" + " from ("
				+ perAsker + ") a group by a.team_id", s.params(), (ResultSet rs) -> {
					asking.put(rs.getLong("team_id"),
							new long[] { rs.getLong("askers"), rs.getLong("requests"), rs.getLong("first_time") });
				});
		List<TeamRow> rows = new ArrayList<>();
		names.forEach((id, name) -> {
			long memberCount = members.get(id);
			long[] a = asking.getOrDefault(id, new long[3]);
			if (PrivacyFloor.suppresses(a[0])) {
				rows.add(new TeamRow(name, memberCount, true, null, null, null, null, null));
			}
			else {
				rows.add(new TeamRow(name, memberCount, false, a[0], ratio(a[0], memberCount, 4), a[2], a[1],
						ratio(a[1], memberCount, 2)));
			}
		});
		String perTopicAsker = "select x.team_id as team_id, x.topic_id as topic_id, x.author_id as author_id,"
				+ " count(*) as requests from stats_request_topic x where " + s.period("x") + s.teamOfRequest("x")
				+ " and x.anonymous = false and x.team_id is not null"
				+ ((s.topicId() != null) ? " and x.topic_id = :topicId" : "")
				+ " group by x.team_id, x.topic_id, x.author_id";
		// grouped by ids first, named last (a few hundred cells rather than a row per
		// topic and asker)
		List<TeamTopicRow> byTopic = db.query(
				"select t.name as team, tp.name as topic, c.requests as requests,"
						+ " c.askers as askers from (select a.team_id as team_id, a.topic_id as topic_id,"
						+ " sum(a.requests) as requests, count(*) as askers from (" + perTopicAsker + ") a"
						+ " group by a.team_id, a.topic_id) c"
						+ " join teams t on t.id = c.team_id join topics tp on tp.id = c.topic_id order by 1, 2",
				s.params(),
				(rs, n) -> PrivacyFloor.suppresses(rs.getLong("askers"))
						? new TeamTopicRow(rs.getString("team"), rs.getString("topic"), true, null)
						: new TeamTopicRow(rs.getString("team"), rs.getString("topic"), false, rs.getLong("requests")));
		return new Teams(rows, byTopic, leaders(db, s));
	}

	private Leaders leaders(NamedParameterJdbcTemplate db, Scope s) {
		String managers = "select pr.person_id from person_roles pr where pr.role = 'MANAGER'";
		long count = db.queryForObject(
				"select count(distinct m.person_id) from stats_membership m where " + s.memberInPeriod("m")
						+ " and m.person_id in (" + managers + ")" + s.teamOfPerson("m.person_id"),
				s.params(), Long.class);
		return db.queryForObject(
				"select count(distinct r.author_id) as askers, count(*) as requests" + " from stats_request r where "
						+ s.cohort("r") + " and r.anonymous = false and r.author_id in (" + managers + ")",
				s.params(), (rs, n) -> {
					long askers = rs.getLong("askers");
					return PrivacyFloor.suppresses(askers) ? new Leaders(count, true, null, null, null)
							: new Leaders(count, false, askers, ratio(askers, count, 4), rs.getLong("requests"));
				});
	}

	// helpers

	/**
	 * Helpers by name. {@code thanksReceived} counts only the notes
	 * {@link #attributableNote attributable} to people: a private note, or one about an
	 * anonymous request, would give away its date, topic and (through the helper) the
	 * sender's request; claims and offers on anonymous requests count, as they say only
	 * what the helper did.
	 */
	private List<Helper> helpers(Scope s) {
		String sql = "select p.username as username, p.display_name as display_name, tm.name as team,"
				+ " coalesce(c.claims, 0) as claims, coalesce(o.offers, 0) as offers,"
				+ " coalesce(o.accepted, 0) as accepted, coalesce(n.thanks, 0) as thanks,"
				+ " coalesce(h.open_claims, 0) as open_claims, coalesce(h.stale, 0) as stale"
				+ " from people p left join teams tm on tm.id = p.team_id"
				+ " left join (select e.actor_id as pid, count(*) as claims from request_events e"
				+ " where e.kind = 'CLAIMED' and e.occurred_at >= :start and e.occurred_at < :end"
				+ s.topicOf("e.request_id") + " group by e.actor_id) c on c.pid = p.id"
				+ " left join (select o.helper_id as pid, count(*) as offers,"
				+ " sum(case when o.accepted then 1 else 0 end) as accepted from offers o"
				+ " where o.created_at >= :start and o.created_at < :end" + s.topicOf("o.request_id")
				+ " group by o.helper_id) o on o.pid = p.id"
				+ " left join (select n.to_id as pid, count(*) as thanks from thank_you_notes n"
				+ " where n.created_at >= :start and n.created_at < :end and " + attributableNote("n")
				+ s.topicOf("n.request_id") + " group by n.to_id) n on n.pid = p.id"
				+ " left join (select r.claimed_by_id as pid, count(*) as open_claims," + " sum(case when :now - "
				+ epoch("r.claimed_at") + " > :stale then 1 else 0 end) as stale"
				+ " from help_requests r where r.status = 'CLAIMED'" + s.topicOf("r.id")
				+ " group by r.claimed_by_id) h on h.pid = p.id"
				+ " where (c.pid is not null or o.pid is not null or n.pid is not null or h.pid is not null)"
				+ s.teamOfPerson("p.id") + " order by 5 desc, 4 desc, 2, 1 limit " + this.properties.helpersLimit();
		return this.jdbc.query(sql, s.params(),
				(rs, n) -> new Helper(rs.getString("username"), rs.getString("display_name"), rs.getString("team"),
						rs.getLong("claims"), rs.getLong("offers"), rs.getLong("accepted"), rs.getLong("thanks"),
						rs.getLong("open_claims"), rs.getLong("stale")));
	}

	// gratitude and reciprocity

	/**
	 * Notes sent in the period. For the whole organisation (narrowed to a topic or not):
	 * every note, public and private. Narrowed to a team: only the notes
	 * {@link #attributableNote attributable} to its members as senders, none private
	 * ({@code privateNotes} is null), and hidden when they come from fewer than
	 * {@value PrivacyFloor#MIN_ASKERS} distinct senders, as a figure from too few askers
	 * is.
	 */
	private Gratitude gratitude(Scope s, Cohort c) {
		if (s.cohortSuppressed()) {
			return suppressedGratitude();
		}
		if (!s.narrowedToTeam()) {
			long[] notes = this.jdbc.queryForObject(
					"select count(*) as notes,"
							+ " coalesce(sum(case when n.is_public then 1 else 0 end), 0) as public_notes"
							+ " from thank_you_notes n where n.created_at >= :start and n.created_at < :end"
							+ s.topicOf("n.request_id"),
					s.params(), (rs, n) -> new long[] { rs.getLong("notes"), rs.getLong("public_notes") });
			return new Gratitude(false, notes[0], notes[1], notes[0] - notes[1], Share.of(c.thanked(), c.resolved()));
		}
		long[] notes = this.jdbc.queryForObject(
				"select count(*) as notes, count(distinct n.from_id) as senders"
						+ " from thank_you_notes n where n.created_at >= :start and n.created_at < :end and "
						+ attributableNote("n") + s.teamOfPerson("n.from_id") + s.topicOf("n.request_id"),
				s.params(), (rs, n) -> new long[] { rs.getLong("notes"), rs.getLong("senders") });
		if (PrivacyFloor.suppresses(notes[1])) {
			return suppressedGratitude();
		}
		return new Gratitude(false, notes[0], notes[0], null, Share.of(c.thanked(), c.resolved()));
	}

	private static Gratitude suppressedGratitude() {
		return new Gratitude(true, null, null, null, null);
	}

	/**
	 * Notes of alias {@code n} that may count towards a person or a team: public, and
	 * about no request or a named one (only the author thanks for a request, so a note
	 * about an anonymous request names its author). The anonymous requests come from
	 * {@code ix_stats_request_anonymous} (V15) alone.
	 */
	private static String attributableNote(String n) {
		return n + ".is_public = true and not exists (select 1 from stats_request nr where nr.request_id = " + n
				+ ".request_id and nr.anonymous = true)";
	}

	private Reciprocity reciprocity(NamedParameterJdbcTemplate db, Scope s) {
		String askers = "select distinct r.author_id as pid from stats_request r where " + s.cohort("r")
				+ " and r.anonymous = false";
		String helpers = "select o.helper_id as pid from offers o where o.created_at >= :start and o.created_at < :end"
				+ s.topicOf("o.request_id") + s.teamOfPerson("o.helper_id")
				+ " union select e.actor_id as pid from request_events e where e.kind = 'CLAIMED'"
				+ " and e.occurred_at >= :start and e.occurred_at < :end" + s.topicOf("e.request_id")
				+ s.teamOfPerson("e.actor_id");
		String sql = "with a as (" + askers + "), h as (" + helpers + ") select (select count(*) from a) as askers,"
				+ " (select count(*) from h) as helpers,"
				+ " (select count(*) from a where a.pid in (select h.pid from h)) as asked_and_helped";
		return db.queryForObject(sql, s.params(), (rs, n) -> {
			long asked = rs.getLong("askers");
			long helped = rs.getLong("helpers");
			long both = rs.getLong("asked_and_helped");
			if (s.cohortSuppressed() || PrivacyFloor.suppresses(both)) {
				return new Reciprocity(true, null, null, null, null, null);
			}
			long people = asked + helped - both;
			return new Reciprocity(false, asked, helped, both, people, ratio(both, people, 4));
		});
	}

	// weekly

	private List<Week> weekly(Scope s) {
		Map<Long, long[]> posted = new HashMap<>();
		Map<Long, Long> resolved = new HashMap<>();
		if (s.rolledUp()) {
			// the whole organisation: no floor, so no askers to count; weeks from the
			// days of the roll-ups
			this.jdbc.query("select x.wk as wk, sum(x.posted) as posted from (select (d.epoch_day - :weekZeroDay) / 7"
					+ " as wk, d.posted as posted from stats_day d where d.epoch_day >= :firstDay"
					+ " and d.epoch_day <= :lastDay) x group by x.wk", s.params(), (ResultSet rs) -> {
						posted.put(rs.getLong("wk"), new long[] { rs.getLong("posted"), Cohort.NOT_COUNTED });
					});
			this.jdbc.query("select x.wk as wk, sum(x.resolved) as resolved from (select (d.epoch_day - :weekZeroDay)"
					+ " / 7 as wk, d.resolved as resolved from stats_day_resolved d where d.epoch_day >= :firstDay"
					+ " and d.epoch_day <= :lastDay) x group by x.wk", s.params(), (ResultSet rs) -> {
						resolved.put(rs.getLong("wk"), rs.getLong("resolved"));
					});
			return weeks(s, posted, resolved, weeklyMedians(s, firstResponses(s)));
		}
		this.jdbc.query("select y.wk as wk, sum(y.posted) as posted,"
				+ " coalesce(sum(case when y.anonymous = false then 1 else 0 end), 0) as askers from (select x.wk as wk,"
				+ " x.anonymous as anonymous, x.author_id as author_id, count(*) as posted from (select "
				+ week("r.created_epoch") + " as wk, r.anonymous as anonymous, r.author_id as author_id"
				+ " from stats_request r where " + s.cohort("r") + ") x group by x.wk, x.anonymous, x.author_id) y"
				+ " group by y.wk", s.params(), (ResultSet rs) -> {
					posted.put(rs.getLong("wk"), new long[] { rs.getLong("posted"), rs.getLong("askers") });
				});
		this.jdbc.query("select x.wk as wk, count(*) as resolved from (select " + week("r.resolved_epoch")
				+ " as wk from stats_request r where r.status = 'RESOLVED' and r.resolved_at >= :start"
				+ " and r.resolved_at < :end" + s.teamOfRequest("r") + s.topicOf("r.request_id") + ") x group by x.wk",
				s.params(), (ResultSet rs) -> {
					resolved.put(rs.getLong("wk"), rs.getLong("resolved"));
				});
		return weeks(s, posted, resolved, weeklyMedians(s, firstResponses(s)));
	}

	private static List<Week> weeks(Scope s, Map<Long, long[]> posted, Map<Long, Long> resolved,
			Map<Long, Double> medians) {
		List<Week> weeks = new ArrayList<>();
		LocalDate first = s.query().firstWeek();
		for (long wk = 0; !first.plusWeeks(wk).isAfter(s.query().to()); wk++) {
			long[] p = posted.getOrDefault(wk, new long[2]);
			if (s.floored(p[1])) {
				weeks.add(new Week(first.plusWeeks(wk), true, null, null, null));
			}
			else {
				weeks.add(new Week(first.plusWeeks(wk), false, p[0], resolved.getOrDefault(wk, 0L), medians.get(wk)));
			}
		}
		return weeks;
	}

	// SQL and arithmetic helpers

	private static String epoch(String column) {
		return "extract(epoch from " + column + ")";
	}

	/**
	 * The week of epoch seconds {@code epochColumn}, counted from the Monday the period's
	 * first week starts on.
	 */
	private static String week(String epochColumn) {
		return "floor((" + epochColumn + " - :weekZero) / " + WEEK + ")";
	}

	private static String real(String expression) {
		return "cast(" + expression + " as double precision)";
	}

	private static Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static Double minutes(Double seconds) {
		return (seconds == null) ? null : round(seconds / 60.0, 1);
	}

	private static Double ratio(long count, long of, int places) {
		return (of == 0) ? null : round(count / (double) of, places);
	}

	static Double round(double value, int places) {
		return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * The query as SQL: the period, the team and topic ids, and the SQL conditions every
	 * figure shares.
	 */
	private record Scope(StatsQuery query, Instant now, MapSqlParameterSource params, Long teamId, Long topicId,
			boolean cohortSuppressed) {

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

		Scope withCohortSuppressed(boolean suppressed) {
			return new Scope(this.query, this.now, this.params, this.teamId, this.topicId, suppressed);
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
		 * Facts ({@code stats_request}) of alias {@code r} posted in the period, matching
		 * the team and topic.
		 */
		String cohort(String r) {
			return period(r) + teamOfRequest(r) + topicOf(r + ".request_id");
		}

		/** Rows of alias {@code r} posted in the period. */
		String period(String r) {
			return r + ".created_at >= :start and " + r + ".created_at < :end";
		}

		/**
		 * Facts ({@code stats_request}, {@code stats_request_topic}) of alias {@code r}
		 * posted by a member of the team, in the team they were in then: anonymous
		 * requests never count towards a team.
		 */
		String teamOfRequest(String r) {
			return (this.teamId == null) ? "" : " and " + r + ".anonymous = false and " + r + ".team_id = :teamId";
		}

		/**
		 * The same for requests ({@code help_requests}) of alias {@code r}, through their
		 * facts.
		 */
		String teamOfRawRequest(String r) {
			return (this.teamId == null) ? ""
					: " and " + r
							+ ".anonymous = false and exists (select 1 from stats_request tf where tf.request_id = " + r
							+ ".id and tf.team_id = :teamId)";
		}

		/** People who were members of the team at some time in the period. */
		String teamOfPerson(String personId) {
			return (this.teamId == null) ? ""
					: " and " + personId
							+ " in (select tm.person_id from stats_membership tm where tm.team_id = :teamId" + " and "
							+ memberInPeriod("tm") + ")";
		}

		/**
		 * Membership stretches ({@code stats_membership}) of alias {@code m} that overlap
		 * the period: the person was active in that team (or in none) at some time in it,
		 * its last moment included.
		 */
		String memberInPeriod(String m) {
			return "(" + m + ".from_at is null or " + m + ".from_at < :end) and (" + m + ".to_at is null or " + m
					+ ".to_at > :start)";
		}

		String topicOf(String requestId) {
			return (this.topicId == null) ? "" : " and exists (select 1 from request_topics trt where trt.request_id = "
					+ requestId + " and trt.topic_id = :topicId)";
		}

	}

}
