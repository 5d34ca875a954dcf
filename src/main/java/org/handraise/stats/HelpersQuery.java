package org.handraise.stats;

import java.util.List;

import org.handraise.stats.StatsReport.Helper;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Helpers by name, most offers first: claims and offers made in the period, offers
 * accepted, thanks received, and claims held now (stale ones among them). Narrowed to a
 * team, its members in the period. {@code thanksReceived} counts only notes attributable
 * to people: public, and about no request or a named one, since a private note, or one
 * about an anonymous request, would give away its date, topic and (through the helper)
 * the sender's request; claims and offers on anonymous requests count, as they say only
 * what the helper did. The anonymous requests come from
 * {@code ix_stats_request_anonymous} alone.
 */
final class HelpersQuery {

	private static final String HELPERS = """
			select p.username as username, p.display_name as display_name, tm.name as team,
			  coalesce(c.claims, 0) as claims, coalesce(o.offers, 0) as offers,
			  coalesce(o.accepted, 0) as accepted, coalesce(n.thanks, 0) as thanks,
			  coalesce(h.open_claims, 0) as open_claims, coalesce(h.stale, 0) as stale
			from people p
			left join teams tm on tm.id = p.team_id
			left join (
			  select e.actor_id as pid, count(*) as claims
			  from request_events e
			  where e.kind = 'CLAIMED' and e.occurred_at >= :start and e.occurred_at < :end
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = e.request_id and trt.topic_id = :topicId) -- topic
			  group by e.actor_id
			) c on c.pid = p.id
			left join (
			  select o.helper_id as pid, count(*) as offers, sum(case when o.accepted then 1 else 0 end) as accepted
			  from offers o
			  where o.created_at >= :start and o.created_at < :end
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = o.request_id and trt.topic_id = :topicId) -- topic
			  group by o.helper_id
			) o on o.pid = p.id
			left join (
			  select n.to_id as pid, count(*) as thanks
			  from thank_you_notes n
			  where n.created_at >= :start and n.created_at < :end
				and n.is_public = true and not exists (select 1 from stats_request nr
				  where nr.request_id = n.request_id and nr.anonymous = true)
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = n.request_id and trt.topic_id = :topicId) -- topic
			  group by n.to_id
			) n on n.pid = p.id
			left join (
			  select r.claimed_by_id as pid, count(*) as open_claims,
				sum(case when :now - extract(epoch from r.claimed_at) > :stale then 1 else 0 end) as stale
			  from help_requests r
			  where r.status = 'CLAIMED'
				and exists (select 1 from request_topics trt -- topic
				  where trt.request_id = r.id and trt.topic_id = :topicId) -- topic
			  group by r.claimed_by_id
			) h on h.pid = p.id
			where (c.pid is not null or o.pid is not null or n.pid is not null or h.pid is not null)
			  and p.id in (select tm.person_id from stats_membership tm where tm.team_id = :teamId -- team
				and (tm.from_at is null or tm.from_at < :end) and (tm.to_at is null or tm.to_at > :start)) -- team
			order by 5 desc, 4 desc, 2, 1
			limit :helpersLimit
			""";

	List<Helper> read(NamedParameterJdbcTemplate db, StatsScope s) {
		return db.query(s.sql(HELPERS), s.params(),
				(rs, n) -> new Helper(rs.getString("username"), rs.getString("display_name"), rs.getString("team"),
						rs.getLong("claims"), rs.getLong("offers"), rs.getLong("accepted"), rs.getLong("thanks"),
						rs.getLong("open_claims"), rs.getLong("stale")));
	}

}
