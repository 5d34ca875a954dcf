package org.handraise.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.handraise.stats.StatsReport.AgeBucket;
import org.handraise.stats.StatsReport.Backlog;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The backlog now, whatever the period: open requests by age (under a day, one to three
 * days, three to seven, more) and claims held longer than the stale-claim limit, read
 * from the requests themselves.
 * <p>
 * For the whole organisation there is no floor, so no askers: open requests by posting
 * time and claims by claim time, compared with the buckets' boundaries as timestamps
 * (index-only on {@code (status, created_at)} and
 * {@code (status, claimed_by_id, claimed_at)}); an age under a day is the same as posted
 * after {@code now} minus a day. Narrowed to a team, the team's named requests (in the
 * team their author was in when posting them, through their facts), with the distinct
 * askers for the floor.
 */
final class BacklogQuery {

	private static final String ORGANISATION = """
			select coalesce(sum(case when r.created_at > :day1 then 1 else 0 end), 0) as lt1d,
			  coalesce(sum(case when r.created_at <= :day1 and r.created_at > :day3 then 1 else 0 end), 0) as d1to3,
			  coalesce(sum(case when r.created_at <= :day3 and r.created_at > :day7 then 1 else 0 end), 0) as d3to7,
			  coalesce(sum(case when r.created_at <= :day7 then 1 else 0 end), 0) as gt7d,
			  (select count(*) from help_requests c where c.status = 'CLAIMED' and c.claimed_at < :staleBefore
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = c.id and trt.topic_id = :topicId) -- topic
			  ) as stale
			from help_requests r
			where r.status = 'OPEN'
			  and exists (select 1 from request_topics trt -- topic
				where trt.request_id = r.id and trt.topic_id = :topicId) -- topic
			""";

	/** Ages in seconds: a day is 86400, three days 259200, a week 604800. */
	private static final String TEAM = """
			select count(distinct case when r.anonymous = false then r.author_id end) as askers,
			  coalesce(sum(case when r.status = 'OPEN'
				and (:now - extract(epoch from r.created_at)) < 86400 then 1 else 0 end), 0) as lt1d,
			  coalesce(sum(case when r.status = 'OPEN' and (:now - extract(epoch from r.created_at)) >= 86400
				and (:now - extract(epoch from r.created_at)) < 259200 then 1 else 0 end), 0) as d1to3,
			  coalesce(sum(case when r.status = 'OPEN' and (:now - extract(epoch from r.created_at)) >= 259200
				and (:now - extract(epoch from r.created_at)) < 604800 then 1 else 0 end), 0) as d3to7,
			  coalesce(sum(case when r.status = 'OPEN'
				and (:now - extract(epoch from r.created_at)) >= 604800 then 1 else 0 end), 0) as gt7d,
			  coalesce(sum(case when r.status = 'CLAIMED'
				and :now - extract(epoch from r.claimed_at) > :stale then 1 else 0 end), 0) as stale
			from help_requests r
			where r.status in ('OPEN', 'CLAIMED')
			  and r.anonymous = false
			  and exists (select 1 from stats_request tf where tf.request_id = r.id and tf.team_id = :teamId)
			  and exists (select 1 from request_topics trt -- topic
				where trt.request_id = r.id and trt.topic_id = :topicId) -- topic
			""";

	Backlog read(NamedParameterJdbcTemplate db, StatsScope s) {
		if (!s.narrowedToTeam()) {
			return db.queryForObject(s.sql(ORGANISATION), s.params(), (rs, n) -> backlog(rs));
		}
		return db.queryForObject(s.sql(TEAM), s.params(), (rs, n) -> {
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

}
