package org.handraise.stats;

import org.handraise.stats.CohortQuery.Cohort;
import org.handraise.stats.StatsReport.Gratitude;
import org.handraise.stats.StatsReport.Share;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Thank-you notes sent in the period, and the thanked share of the cohort's resolved
 * requests. For the whole organisation (narrowed to a topic or not): every note, public
 * and private. Narrowed to a team: only the notes its members sent that are attributable
 * to people (public, about no request or a named one), none private ({@code privateNotes}
 * is null), and hidden when they come from fewer than {@value PrivacyFloor#MIN_ASKERS}
 * distinct senders, as a figure from too few askers is.
 */
final class GratitudeQuery {

	private static final String ORGANISATION = """
			select count(*) as notes, coalesce(sum(case when n.is_public then 1 else 0 end), 0) as public_notes
			from thank_you_notes n
			where n.created_at >= :start and n.created_at < :end
			  and exists (select 1 from request_topics trt -- topic
				where trt.request_id = n.request_id and trt.topic_id = :topicId) -- topic
			""";

	private static final String TEAM = """
			select count(*) as notes, count(distinct n.from_id) as senders
			from thank_you_notes n
			where n.created_at >= :start and n.created_at < :end
			  and n.is_public = true and not exists (select 1 from stats_request nr
				where nr.request_id = n.request_id and nr.anonymous = true)
			  and n.from_id in (select tm.person_id from stats_membership tm where tm.team_id = :teamId
				and (tm.from_at is null or tm.from_at < :end) and (tm.to_at is null or tm.to_at > :start))
			  and exists (select 1 from request_topics trt -- topic
				where trt.request_id = n.request_id and trt.topic_id = :topicId) -- topic
			""";

	Gratitude read(NamedParameterJdbcTemplate db, StatsScope s, Cohort c) {
		if (s.cohortSuppressed()) {
			return suppressed();
		}
		if (!s.narrowedToTeam()) {
			long[] notes = db.queryForObject(s.sql(ORGANISATION), s.params(),
					(rs, n) -> new long[] { rs.getLong("notes"), rs.getLong("public_notes") });
			return new Gratitude(false, notes[0], notes[1], notes[0] - notes[1], Share.of(c.thanked(), c.resolved()));
		}
		long[] notes = db.queryForObject(s.sql(TEAM), s.params(),
				(rs, n) -> new long[] { rs.getLong("notes"), rs.getLong("senders") });
		if (PrivacyFloor.suppresses(notes[1])) {
			return suppressed();
		}
		return new Gratitude(false, notes[0], notes[0], null, Share.of(c.thanked(), c.resolved()));
	}

	private static Gratitude suppressed() {
		return new Gratitude(true, null, null, null, null);
	}

}
