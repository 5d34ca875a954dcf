package org.handraise.stats;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The cohort: every count over the requests posted in the period, in one pass: volume,
 * named askers (for the privacy floor), reopens, answers and thanks. The other sections
 * read their counts from it, and the number of askers decides whether the cohort is
 * suppressed.
 * <p>
 * Over the facts, the history is read only for reopens, which are rare and found through
 * {@code (to_status, from_status, occurred_at)}. A request was answered or resolved at
 * some time if it has an offer, is resolved now, or was reopened (the only way back from
 * resolved without an offer). Events and notes about a request posted in the period are
 * never older than the period. Narrowed to a team, a request counts as thanked only for a
 * public note (private notes count only organisation-wide): one hashed set of the public
 * notes its members (the only ones who thank for their requests) sent since the period
 * began, read through {@code (is_public, created_at)}; a probe per thanked request cost
 * more, mostly in the planner's JIT.
 * <p>
 * For the whole organisation the same counts come from the daily roll-up
 * ({@code stats_day}): a few rows per day instead of one per request. The number of
 * distinct askers only matters when narrowed to a team (the privacy floor), which never
 * reads the roll-up, so it is not counted there.
 */
final class CohortQuery {

	private static final String FACTS = """
			select count(*) as posted,
			  coalesce(sum(case when f.status = 'RESOLVED' then 1 else 0 end), 0) as resolved,
			  coalesce(sum(case when f.status = 'CANCELLED' then 1 else 0 end), 0) as cancelled,
			  coalesce(sum(case when f.status in ('OPEN', 'CLAIMED', 'ANSWERED') then 1 else 0 end), 0) as still_open,
			  coalesce(sum(case when f.anonymous then 1 else 0 end), 0) as anonymous,
			  count(distinct case when f.anonymous = false then f.author_id end) as askers,
			  coalesce(sum(case when f.reopened then 1 else 0 end), 0) as reopened,
			  coalesce(sum(case when f.first_response_s is not null or f.status = 'RESOLVED' or f.reopened
				then 1 else 0 end), 0) as answered,
			  coalesce(sum(case when f.status = 'RESOLVED' and f.thanked
				and f.request_id in (select tn.request_id from thank_you_notes tn -- team
				  where tn.is_public = true and tn.created_at >= :start -- team
				  and tn.from_id in (select tm.person_id from stats_membership tm where tm.team_id = :teamId -- team
					and (tm.from_at is null or tm.from_at < :end) and (tm.to_at is null or tm.to_at > :start))) -- team
				then 1 else 0 end), 0) as thanked
			from stats_request f
			where f.created_at >= :start and f.created_at < :end
			  and f.anonymous = false and f.team_id = :teamId -- team
			  and exists (select 1 from request_topics trt -- topic
				where trt.request_id = f.request_id and trt.topic_id = :topicId) -- topic
			""";

	private static final String ROLLED_UP = """
			select coalesce(sum(d.posted), 0) as posted,
			  coalesce(sum(case when d.status = 'RESOLVED' then d.posted else 0 end), 0) as resolved,
			  coalesce(sum(case when d.status = 'CANCELLED' then d.posted else 0 end), 0) as cancelled,
			  coalesce(sum(case when d.status in ('OPEN', 'CLAIMED', 'ANSWERED') then d.posted else 0 end), 0)
				as still_open,
			  coalesce(sum(case when d.anonymous then d.posted else 0 end), 0) as anonymous,
			  coalesce(sum(d.reopened), 0) as reopened, coalesce(sum(d.answered), 0) as answered,
			  coalesce(sum(case when d.status = 'RESOLVED' then d.thanked else 0 end), 0) as thanked
			from stats_day d
			where d.epoch_day >= :firstDay and d.epoch_day <= :lastDay
			""";

	Cohort read(NamedParameterJdbcTemplate db, StatsScope s) {
		if (s.rolledUp()) {
			return db.queryForObject(ROLLED_UP, s.params(),
					(rs, n) -> new Cohort(rs.getLong("posted"), rs.getLong("resolved"), rs.getLong("cancelled"),
							rs.getLong("still_open"), rs.getLong("anonymous"), Cohort.NOT_COUNTED,
							rs.getLong("reopened"), rs.getLong("answered"), rs.getLong("thanked")));
		}
		return db.queryForObject(s.sql(FACTS), s.params(),
				(rs, n) -> new Cohort(rs.getLong("posted"), rs.getLong("resolved"), rs.getLong("cancelled"),
						rs.getLong("still_open"), rs.getLong("anonymous"), rs.getLong("askers"), rs.getLong("reopened"),
						rs.getLong("answered"), rs.getLong("thanked")));
	}

	/**
	 * The counts over the requests posted in the period. {@code askers}: distinct named
	 * askers, {@link #NOT_COUNTED} when the scope has no privacy floor.
	 */
	record Cohort(long posted, long resolved, long cancelled, long stillOpen, long anonymous, long askers,
			long reopened, long answered, long thanked) {

		static final long NOT_COUNTED = Long.MAX_VALUE;

	}

}
