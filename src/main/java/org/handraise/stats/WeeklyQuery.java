package org.handraise.stats;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.handraise.stats.CohortQuery.Cohort;
import org.handraise.stats.StatsReport.Week;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The weekly series, one row per ISO week from the Monday the period's first week starts
 * on: requests posted that week, requests resolved that week (resolved now), and the
 * median time to the first offer of that week's requests. A week is numbered by
 * {@code floor((epoch seconds - :weekZero) / 604800)}, or by {@code (epoch day -
 * :weekZeroDay) / 7} over the daily roll-ups, which serve the whole organisation (no
 * floor, so no askers to count). Narrowed to a team, a week from fewer than
 * {@value PrivacyFloor#MIN_ASKERS} distinct askers is hidden.
 */
final class WeeklyQuery {

	private static final String POSTED_ROLLED_UP = """
			select x.wk as wk, sum(x.posted) as posted
			from (
			  select (d.epoch_day - :weekZeroDay) / 7 as wk, d.posted as posted
			  from stats_day d
			  where d.epoch_day >= :firstDay and d.epoch_day <= :lastDay
			) x
			group by x.wk
			""";

	private static final String RESOLVED_ROLLED_UP = """
			select x.wk as wk, sum(x.resolved) as resolved
			from (
			  select (d.epoch_day - :weekZeroDay) / 7 as wk, d.resolved as resolved
			  from stats_day_resolved d
			  where d.epoch_day >= :firstDay and d.epoch_day <= :lastDay
			) x
			group by x.wk
			""";

	private static final String POSTED = """
			select y.wk as wk, sum(y.posted) as posted,
			  coalesce(sum(case when y.anonymous = false then 1 else 0 end), 0) as askers
			from (
			  select x.wk as wk, x.anonymous as anonymous, x.author_id as author_id, count(*) as posted
			  from (
				select floor((r.created_epoch - :weekZero) / 604800) as wk, r.anonymous as anonymous,
				  r.author_id as author_id
				from stats_request r
				where r.created_at >= :start and r.created_at < :end
				  and r.anonymous = false and r.team_id = :teamId -- team
				  and exists (select 1 from request_topics trt -- topic
					where trt.request_id = r.request_id and trt.topic_id = :topicId) -- topic
			  ) x
			  group by x.wk, x.anonymous, x.author_id
			) y
			group by y.wk
			""";

	private static final String RESOLVED = """
			select x.wk as wk, count(*) as resolved
			from (
			  select floor((r.resolved_epoch - :weekZero) / 604800) as wk
			  from stats_request r
			  where r.status = 'RESOLVED' and r.resolved_at >= :start and r.resolved_at < :end
				and r.anonymous = false and r.team_id = :teamId -- team
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = r.request_id and trt.topic_id = :topicId) -- topic
			) x
			group by x.wk
			""";

	private static final String MEDIANS = """
			select x.wk as wk, percentile_cont(0.5) within group (order by cast(x.d as double precision)) as p50
			from (
			  select f.first_response_s as d, floor((f.created_epoch - :weekZero) / 604800) as wk
			  from stats_request f
			  where f.created_at >= :start and f.created_at < :end
				and f.anonymous = false and f.team_id = :teamId -- team
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = f.request_id and trt.topic_id = :topicId) -- topic
				and f.first_response_s is not null
			) x
			group by x.wk
			""";

	private static final String SORTED_FIRST_RESPONSES = """
			select x.wk as wk, cast(x.d as double precision) as d
			from (
			  select f.first_response_s as d, floor((f.created_epoch - :weekZero) / 604800) as wk
			  from stats_request f
			  where f.created_at >= :start and f.created_at < :end
				and f.anonymous = false and f.team_id = :teamId -- team
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = f.request_id and trt.topic_id = :topicId) -- topic
				and f.first_response_s is not null
			) x
			order by 1, 2
			""";

	private final boolean percentilesInSql;

	WeeklyQuery(boolean percentilesInSql) {
		this.percentilesInSql = percentilesInSql;
	}

	List<Week> read(NamedParameterJdbcTemplate db, StatsScope s) {
		Map<Long, long[]> posted = new HashMap<>();
		Map<Long, Long> resolved = new HashMap<>();
		if (s.rolledUp()) {
			db.query(POSTED_ROLLED_UP, s.params(), (ResultSet rs) -> {
				posted.put(rs.getLong("wk"), new long[] { rs.getLong("posted"), Cohort.NOT_COUNTED });
			});
			db.query(RESOLVED_ROLLED_UP, s.params(), (ResultSet rs) -> {
				resolved.put(rs.getLong("wk"), rs.getLong("resolved"));
			});
		}
		else {
			db.query(s.sql(POSTED), s.params(), (ResultSet rs) -> {
				posted.put(rs.getLong("wk"), new long[] { rs.getLong("posted"), rs.getLong("askers") });
			});
			db.query(s.sql(RESOLVED), s.params(), (ResultSet rs) -> {
				resolved.put(rs.getLong("wk"), rs.getLong("resolved"));
			});
		}
		return weeks(s, posted, resolved, medians(db, s));
	}

	/** The median time to the first offer per posting week, in minutes. */
	private Map<Long, Double> medians(NamedParameterJdbcTemplate db, StatsScope s) {
		Map<Long, Double> medians = new HashMap<>();
		if (this.percentilesInSql) {
			db.query(s.sql(MEDIANS), s.params(), (ResultSet rs) -> {
				medians.put(rs.getLong("wk"), ResponsivenessQuery.minutes(ResponsivenessQuery.number(rs, "p50")));
			});
			return medians;
		}
		Map<Long, List<Double>> byWeek = new LinkedHashMap<>();
		db.query(s.sql(SORTED_FIRST_RESPONSES), s.params(), (ResultSet rs) -> {
			byWeek.computeIfAbsent(rs.getLong("wk"), (k) -> new ArrayList<>()).add(rs.getDouble("d"));
		});
		byWeek.forEach((wk, sorted) -> medians.put(wk, ResponsivenessQuery.minutes(Percentiles.median(sorted))));
		return medians;
	}

	private static List<Week> weeks(StatsScope s, Map<Long, long[]> posted, Map<Long, Long> resolved,
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

}
