package org.handraise.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.handraise.stats.CohortQuery.Cohort;
import org.handraise.stats.StatsReport.Durations;
import org.handraise.stats.StatsReport.Responsiveness;
import org.handraise.stats.StatsReport.Share;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Responsiveness of the cohort: the median and 90th percentile of the time from posting
 * to the first offer, to the first claim (claims can be released, so from the history)
 * and to the resolution of requests resolved now; the share of requests offered within
 * the first-response target among those the target applies to; and the reopened share of
 * the answered ones (from the cohort).
 * <p>
 * With {@code percentile_cont} in the database the three durations and the target take
 * one pass ({@code percentile_cont} and {@code count(column)} leave out nulls); without
 * it, the target takes one statement and each duration one sorted column, whose
 * percentiles {@link Percentiles} computes.
 */
final class ResponsivenessQuery {

	private static final String PERCENTILES = """
			select count(f.first_response_s) as fr_n,
			  percentile_cont(0.5) within group (order by f.first_response_s) as fr_p50,
			  percentile_cont(0.9) within group (order by f.first_response_s) as fr_p90,
			  count(f.first_claim_s) as cl_n,
			  percentile_cont(0.5) within group (order by f.first_claim_s) as cl_p50,
			  percentile_cont(0.9) within group (order by f.first_claim_s) as cl_p90,
			  count(f.resolved_s) as rs_n,
			  percentile_cont(0.5) within group (order by f.resolved_s) as rs_p50,
			  percentile_cont(0.9) within group (order by f.resolved_s) as rs_p90,
			  coalesce(sum(case when f.first_response_s <= :target then 1 else 0 end), 0) as met,
			  coalesce(sum(case when f.first_response_s is not null then 1
				when f.status in ('RESOLVED', 'CANCELLED') and f.closed_s <= :target then 0
				when :now - f.created_epoch > :target then 1 else 0 end), 0) as eligible
			from stats_request f
			where f.created_at >= :start and f.created_at < :end
			  and f.anonymous = false and f.team_id = :teamId -- team
			  and exists (select 1 from request_topics trt -- topic
				where trt.request_id = f.request_id and trt.topic_id = :topicId) -- topic
			""";

	/**
	 * Of the requests posted in the period: offered within the target, and those the
	 * target applies to (offered at all, or still waiting beyond the target, but not
	 * closed within it without an offer).
	 */
	private static final String TARGET = """
			select coalesce(sum(case when f.first_response_s <= :target then 1 else 0 end), 0) as met,
			  coalesce(sum(case when f.first_response_s is not null then 1
				when f.status in ('RESOLVED', 'CANCELLED') and f.closed_s <= :target then 0
				when :now - f.created_epoch > :target then 1 else 0 end), 0) as eligible
			from stats_request f
			where f.created_at >= :start and f.created_at < :end
			  and f.anonymous = false and f.team_id = :teamId -- team
			  and exists (select 1 from request_topics trt -- topic
				where trt.request_id = f.request_id and trt.topic_id = :topicId) -- topic
			""";

	/**
	 * The durations of one column ({@code first_response_s}, {@code first_claim_s},
	 * {@code resolved_s}) of the period's requests that have one, in order.
	 */
	private static final String DURATIONS = """
			select cast(f.%1$s as double precision) as d
			from stats_request f
			where f.created_at >= :start and f.created_at < :end
			  and f.anonymous = false and f.team_id = :teamId -- team
			  and exists (select 1 from request_topics trt -- topic
				where trt.request_id = f.request_id and trt.topic_id = :topicId) -- topic
			  and f.%1$s is not null
			order by 1
			""";

	private static final String FIRST_RESPONSES = DURATIONS.formatted("first_response_s");

	private static final String CLAIMS = DURATIONS.formatted("first_claim_s");

	private static final String RESOLUTIONS = DURATIONS.formatted("resolved_s");

	private final boolean percentilesInSql;

	ResponsivenessQuery(boolean percentilesInSql) {
		this.percentilesInSql = percentilesInSql;
	}

	Responsiveness read(NamedParameterJdbcTemplate db, StatsScope s, Cohort c) {
		if (s.cohortSuppressed()) {
			return new Responsiveness(true, null, null, null, null, null);
		}
		Share reopened = Share.of(c.reopened(), c.answered());
		if (this.percentilesInSql) {
			return db.queryForObject(s.sql(PERCENTILES), s.params(),
					(rs, n) -> new Responsiveness(false, durations(rs, "fr"), durations(rs, "cl"), durations(rs, "rs"),
							Share.of(rs.getLong("met"), rs.getLong("eligible")), reopened));
		}
		Share target = db.queryForObject(s.sql(TARGET), s.params(),
				(rs, n) -> Share.of(rs.getLong("met"), rs.getLong("eligible")));
		return new Responsiveness(false, durations(db, s, FIRST_RESPONSES), durations(db, s, CLAIMS),
				durations(db, s, RESOLUTIONS), target, reopened);
	}

	private static Durations durations(ResultSet rs, String name) throws SQLException {
		return new Durations(rs.getLong(name + "_n"), minutes(number(rs, name + "_p50")),
				minutes(number(rs, name + "_p90")));
	}

	private static Durations durations(NamedParameterJdbcTemplate db, StatsScope s, String sortedDurations) {
		List<Double> sorted = db.queryForList(s.sql(sortedDurations), s.params(), Double.class);
		return new Durations(sorted.size(), minutes(Percentiles.median(sorted)), minutes(Percentiles.p90(sorted)));
	}

	static Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	/** Seconds as minutes, to one decimal. */
	static Double minutes(Double seconds) {
		return (seconds == null) ? null : StatsReporter.round(seconds / 60.0, 1);
	}

}
