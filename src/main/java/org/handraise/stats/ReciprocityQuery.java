package org.handraise.stats;

import org.handraise.stats.StatsReport.Reciprocity;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Who both asked and helped: the cohort's named askers, the people who claimed or offered
 * in the period (members of the team, when narrowed), and those in both, as a share of
 * everyone in either. Hidden with the cohort, and when fewer than
 * {@value PrivacyFloor#MIN_ASKERS} people did both.
 */
final class ReciprocityQuery {

	private static final String RECIPROCITY = """
			with a as (
			  select distinct r.author_id as pid
			  from stats_request r
			  where r.created_at >= :start and r.created_at < :end
				and r.anonymous = false and r.team_id = :teamId -- team
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = r.request_id and trt.topic_id = :topicId) -- topic
				and r.anonymous = false
			), h as (
			  select o.helper_id as pid
			  from offers o
			  where o.created_at >= :start and o.created_at < :end
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = o.request_id and trt.topic_id = :topicId) -- topic
				and o.helper_id in (select tm.person_id from stats_membership tm where tm.team_id = :teamId -- team
				  and (tm.from_at is null or tm.from_at < :end) and (tm.to_at is null or tm.to_at > :start)) -- team
			  union
			  select e.actor_id as pid
			  from request_events e
			  where e.kind = 'CLAIMED' and e.occurred_at >= :start and e.occurred_at < :end
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = e.request_id and trt.topic_id = :topicId) -- topic
				and e.actor_id in (select tm.person_id from stats_membership tm where tm.team_id = :teamId -- team
				  and (tm.from_at is null or tm.from_at < :end) and (tm.to_at is null or tm.to_at > :start)) -- team
			)
			select (select count(*) from a) as askers,
			  (select count(*) from h) as helpers,
			  (select count(*) from a where a.pid in (select h.pid from h)) as asked_and_helped
			""";

	Reciprocity read(NamedParameterJdbcTemplate db, StatsScope s) {
		return db.queryForObject(s.sql(RECIPROCITY), s.params(), (rs, n) -> {
			long asked = rs.getLong("askers");
			long helped = rs.getLong("helpers");
			long both = rs.getLong("asked_and_helped");
			if (s.cohortSuppressed() || PrivacyFloor.suppresses(both)) {
				return new Reciprocity(true, null, null, null, null, null);
			}
			long people = asked + helped - both;
			return new Reciprocity(false, asked, helped, both, people, StatsReporter.ratio(both, people, 4));
		});
	}

}
