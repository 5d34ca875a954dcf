package org.handraise.stats;

import org.handraise.stats.StatsReport.Leaders;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Leaders asking too: how many managers were members (of the team, when narrowed) in the
 * period, and how many of them posted named requests in it, hidden under the floor.
 */
final class LeadersQuery {

	private static final String MANAGERS = """
			select count(distinct m.person_id)
			from stats_membership m
			where (m.from_at is null or m.from_at < :end) and (m.to_at is null or m.to_at > :start)
			  and m.person_id in (select pr.person_id from person_roles pr where pr.role = 'MANAGER')
			  and m.person_id in (select tm.person_id from stats_membership tm where tm.team_id = :teamId -- team
				and (tm.from_at is null or tm.from_at < :end) and (tm.to_at is null or tm.to_at > :start)) -- team
			""";

	private static final String ASKING = """
			select count(distinct r.author_id) as askers, count(*) as requests
			from stats_request r
			where r.created_at >= :start and r.created_at < :end
			  and r.anonymous = false and r.team_id = :teamId -- team
			  and exists (select 1 from request_topics trt -- topic
				where trt.request_id = r.request_id and trt.topic_id = :topicId) -- topic
			  and r.anonymous = false
			  and r.author_id in (select pr.person_id from person_roles pr where pr.role = 'MANAGER')
			""";

	Leaders read(NamedParameterJdbcTemplate db, StatsScope s) {
		long managers = db.queryForObject(s.sql(MANAGERS), s.params(), Long.class);
		return db.queryForObject(s.sql(ASKING), s.params(), (rs, n) -> {
			long askers = rs.getLong("askers");
			return PrivacyFloor.suppresses(askers) ? new Leaders(managers, true, null, null, null) : new Leaders(
					managers, false, askers, StatsReporter.ratio(askers, managers, 4), rs.getLong("requests"));
		});
	}

}
