package org.handraise.stats;

import java.util.List;

import org.handraise.stats.CohortQuery.Cohort;
import org.handraise.stats.StatsReport.Requests;
import org.handraise.stats.StatsReport.TopicRow;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Volume: the cohort's requests by status, and the same per topic. For the whole
 * organisation the topic split comes from the daily roll-up ({@code stats_day_topic}),
 * with no floor and so no askers to count. Otherwise it is counted per topic and asker
 * first (a hash aggregate), then per topic: each named inner row is one distinct asker,
 * and a topic's row is hidden under the floor.
 */
final class RequestsQuery {

	private static final String TOPICS_ROLLED_UP = """
			select t.name as topic, sum(d.posted) as posted,
			  coalesce(sum(case when d.status = 'RESOLVED' then d.posted else 0 end), 0) as resolved,
			  coalesce(sum(case when d.status = 'CANCELLED' then d.posted else 0 end), 0) as cancelled,
			  coalesce(sum(case when d.status in ('OPEN', 'CLAIMED', 'ANSWERED') then d.posted else 0 end), 0)
				as still_open
			from stats_day_topic d join topics t on t.id = d.topic_id
			where d.epoch_day >= :firstDay and d.epoch_day <= :lastDay
			group by t.name having sum(d.posted) > 0
			order by 2 desc, 1
			""";

	private static final String TOPICS = """
			select t.name as topic, sum(a.posted) as posted, sum(a.resolved) as resolved,
			  sum(a.cancelled) as cancelled, sum(a.still_open) as still_open,
			  coalesce(sum(case when a.anonymous = false then 1 else 0 end), 0) as askers
			from (
			  select x.topic_id as topic_id, x.author_id as author_id, x.anonymous as anonymous, count(*) as posted,
				coalesce(sum(case when x.status = 'RESOLVED' then 1 else 0 end), 0) as resolved,
				coalesce(sum(case when x.status = 'CANCELLED' then 1 else 0 end), 0) as cancelled,
				coalesce(sum(case when x.status in ('OPEN', 'CLAIMED', 'ANSWERED') then 1 else 0 end), 0)
				  as still_open
			  from stats_request_topic x
			  where x.created_at >= :start and x.created_at < :end
				and x.anonymous = false and x.team_id = :teamId -- team
				and x.topic_id = :topicId -- topic
			  group by x.topic_id, x.author_id, x.anonymous
			) a join topics t on t.id = a.topic_id
			group by t.name
			order by 2 desc, 1
			""";

	Requests read(NamedParameterJdbcTemplate db, StatsScope s, Cohort c) {
		List<TopicRow> byTopic = topics(db, s);
		if (s.cohortSuppressed()) {
			return new Requests(true, null, null, null, null, null, byTopic);
		}
		return new Requests(false, c.posted(), c.resolved(), c.cancelled(), c.stillOpen(), c.anonymous(), byTopic);
	}

	private List<TopicRow> topics(NamedParameterJdbcTemplate db, StatsScope s) {
		if (s.rolledUp()) {
			return db.query(TOPICS_ROLLED_UP, s.params(), (rs, n) -> new TopicRow(rs.getString("topic"), false,
					rs.getLong("posted"), rs.getLong("resolved"), rs.getLong("cancelled"), rs.getLong("still_open")));
		}
		return db.query(s.sql(TOPICS), s.params(),
				(rs, n) -> s.floored(rs.getLong("askers"))
						? new TopicRow(rs.getString("topic"), true, null, null, null, null)
						: new TopicRow(rs.getString("topic"), false, rs.getLong("posted"), rs.getLong("resolved"),
								rs.getLong("cancelled"), rs.getLong("still_open")));
	}

}
