package org.handraise.stats;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.handraise.stats.StatsReport.Leaders;
import org.handraise.stats.StatsReport.TeamRow;
import org.handraise.stats.StatsReport.TeamTopicRow;
import org.handraise.stats.StatsReport.Teams;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Asking per team: each team's members in the period (people who were in it at some time
 * in the period), how many of them asked, how many asked for the first time ever, and
 * their named requests (in the team their author was in when posting them); then the
 * requests per team and topic, grouped by ids first and named last (a few hundred cells
 * rather than a row per topic and asker). Every cell from fewer than
 * {@value PrivacyFloor#MIN_ASKERS} distinct askers is hidden.
 */
final class TeamsQuery {

	private static final String MEMBERS = """
			select t.id as id, t.name as name, count(distinct m.person_id) as members
			from teams t
			left join stats_membership m on m.team_id = t.id
			  and (m.from_at is null or m.from_at < :end) and (m.to_at is null or m.to_at > :start)
			where t.id = :teamId -- team
			group by t.id, t.name
			order by t.name
			""";

	private static final String ASKING = """
			select a.team_id as team_id, count(*) as askers, sum(a.requests) as requests,
			  coalesce(sum(case when exists (select 1 from stats_request e where e.author_id = a.author_id
				and e.anonymous = false and e.created_at < :start) then 0 else 1 end), 0) as first_time
			from (
			  select f.team_id as team_id, f.author_id as author_id, count(*) as requests
			  from stats_request f
			  where f.created_at >= :start and f.created_at < :end
				and f.anonymous = false and f.team_id = :teamId -- team
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = f.request_id and trt.topic_id = :topicId) -- topic
				and f.anonymous = false and f.team_id is not null
			  group by f.team_id, f.author_id
			) a
			group by a.team_id
			""";

	private static final String BY_TOPIC = """
			select t.name as team, tp.name as topic, c.requests as requests, c.askers as askers
			from (
			  select a.team_id as team_id, a.topic_id as topic_id, sum(a.requests) as requests, count(*) as askers
			  from (
				select x.team_id as team_id, x.topic_id as topic_id, x.author_id as author_id, count(*) as requests
				from stats_request_topic x
				where x.created_at >= :start and x.created_at < :end
				  and x.anonymous = false and x.team_id = :teamId -- team
				  and x.anonymous = false and x.team_id is not null
				  and x.topic_id = :topicId -- topic
				group by x.team_id, x.topic_id, x.author_id
			  ) a
			  group by a.team_id, a.topic_id
			) c
			join teams t on t.id = c.team_id join topics tp on tp.id = c.topic_id
			order by 1, 2
			""";

	Teams read(NamedParameterJdbcTemplate db, StatsScope s, Leaders leaders) {
		return new Teams(rows(db, s), byTopic(db, s), leaders);
	}

	private List<TeamRow> rows(NamedParameterJdbcTemplate db, StatsScope s) {
		Map<Long, String> names = new LinkedHashMap<>();
		Map<Long, Long> members = new HashMap<>();
		db.query(s.sql(MEMBERS), s.params(), (ResultSet rs) -> {
			names.put(rs.getLong("id"), rs.getString("name"));
			members.put(rs.getLong("id"), rs.getLong("members"));
		});
		Map<Long, long[]> asking = new HashMap<>();
		db.query(s.sql(ASKING), s.params(), (ResultSet rs) -> {
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
				rows.add(new TeamRow(name, memberCount, false, a[0], StatsReporter.ratio(a[0], memberCount, 4), a[2],
						a[1], StatsReporter.ratio(a[1], memberCount, 2)));
			}
		});
		return rows;
	}

	private List<TeamTopicRow> byTopic(NamedParameterJdbcTemplate db, StatsScope s) {
		return db.query(s.sql(BY_TOPIC), s.params(),
				(rs, n) -> PrivacyFloor.suppresses(rs.getLong("askers"))
						? new TeamTopicRow(rs.getString("team"), rs.getString("topic"), true, null)
						: new TeamTopicRow(rs.getString("team"), rs.getString("topic"), false, rs.getLong("requests")));
	}

}
