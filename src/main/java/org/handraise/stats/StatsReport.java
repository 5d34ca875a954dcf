package org.handraise.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every figure of the manager statistics for one {@link StatsQuery}, as
 * {@code GET /api/stats} returns it and the dashboard and CSV show it.
 * <p>
 * <b>Cohort.</b> Volume, responsiveness, gratitude and the weekly "posted" series are
 * about the requests <em>posted</em> in the period (their status and times as they are
 * now). Weekly "resolved" counts resolutions that happened in each week. Helpers, notes
 * and reciprocity count activity in the period. The backlog is a snapshot of now.
 * Durations are in minutes; shares are fractions between 0 and 1.
 * <p>
 * <b>Privacy floor</b> (see {@link PrivacyFloor}). A row or section that would be built
 * from fewer than three distinct askers has {@code "suppressed": true} and {@code null}
 * in every figure about asking; pages and CSV show those as "fewer than 3". Nothing here
 * names a person who asked or says how often someone asked; only helpers are named.
 * Anonymous requests count in organisation-wide figures only, never in a team's figures
 * or when the report is narrowed to a team.
 * <p>
 * <b>Organisation-wide</b> figures are those of a report not narrowed to a team (narrowed
 * to a topic or not), other than the per-team rows, the team x topic cells, the managers'
 * figure and the helpers. Thank-you notes about anonymous requests and private notes
 * count only there: only a request's author thanks for it, so such a note counted for its
 * sender's team or its recipient would tell who asked, or when and about what someone was
 * privately thanked. Notes that count anywhere else are <em>attributable</em>: public,
 * and about no request or a named one.
 */
public record StatsReport(Period period, Requests requests, Responsiveness responsiveness, Backlog backlog, Teams teams,
		List<Helper> helpers, Gratitude gratitude, Reciprocity reciprocity, List<Week> weekly) {

	/**
	 * What the report covers.
	 *
	 * @param from first day, included (UTC)
	 * @param to last day, included (UTC)
	 * @param team the team it is narrowed to, or null
	 * @param topic the topic it is narrowed to, or null
	 * @param generatedAt "now" for the backlog and the target figures
	 * @param firstResponseTargetHours the target for a first response
	 * @param staleClaimDays after how many days without an offer a claim counts as stale
	 * @param privacyFloor the fewest distinct askers a shown figure is built from
	 */
	public record Period(LocalDate from, LocalDate to, String team, String topic, Instant generatedAt,
			long firstResponseTargetHours, long staleClaimDays, int privacyFloor) {
	}

	/**
	 * Requests posted in the period and where each one stands now:
	 * {@code resolved + cancelled + stillOpen =
	 * posted}; {@code anonymous} of them were posted anonymously.
	 */
	public record Requests(boolean suppressed, Long posted, Long resolved, Long cancelled, Long stillOpen,
			Long anonymous, List<TopicRow> byTopic) {
	}

	/**
	 * Requests posted in the period about one topic (a request with two topics counts in
	 * both rows).
	 */
	public record TopicRow(String topic, boolean suppressed, Long posted, Long resolved, Long cancelled,
			Long stillOpen) {
	}

	/**
	 * How fast requests posted in the period got help. {@code withinTarget}: first
	 * responses within the target, of the requests whose target has passed or that got a
	 * response (requests closed without a response before the target are left out).
	 * {@code reopened}: requests reopened after an answer or a resolution, of those that
	 * were ever answered or resolved.
	 */
	public record Responsiveness(boolean suppressed, Durations firstResponse, Durations claim, Durations resolution,
			Share withinTarget, Share reopened) {
	}

	/**
	 * Median and 90th percentile (linear interpolation, as {@code percentile_cont}) of
	 * {@code count} durations in minutes; {@code null} without durations. First response:
	 * posting to the first offer. Claim: posting to the first claim. Resolution: posting
	 * to the (last) resolution of requests resolved now.
	 */
	public record Durations(long count, Double medianMinutes, Double p90Minutes) {
	}

	/** {@code count} out of {@code of}; {@code share} is null when {@code of} is zero. */
	public record Share(long count, long of, Double share) {

		static Share of(long count, long of) {
			return new Share(count, of, (of == 0) ? null : StatsReporter.round(count / (double) of, 4));
		}

	}

	/**
	 * Now: open requests nobody has claimed, by age, and claims older than the stale
	 * limit with no offer since.
	 */
	public record Backlog(boolean suppressed, Long unclaimedOpen, List<AgeBucket> ageBuckets, Long staleClaims) {
	}

	/**
	 * {@code bucket} is one of {@code lt1d}, {@code 1to3d}, {@code 3to7d}, {@code gt7d}.
	 */
	public record AgeBucket(String bucket, Long count) {
	}

	/**
	 * Help-seeking culture: one row per team, team x topic cells, and the managers' own
	 * asking.
	 */
	public record Teams(List<TeamRow> rows, List<TeamTopicRow> byTopic, Leaders leaders) {
	}

	/**
	 * One team: active {@code members} (always shown), and, unless suppressed, how many
	 * of them asked in the period ({@code askers}, {@code askedShare}), how many asked
	 * for the first time ever, and the named requests they posted ({@code requests},
	 * {@code requestsPerMember}).
	 */
	public record TeamRow(String team, long members, boolean suppressed, Long askers, Double askedShare,
			Long firstTimeAskers, Long requests, Double requestsPerMember) {
	}

	/** Named requests posted by one team's members about one topic. */
	public record TeamTopicRow(String team, String topic, boolean suppressed, Long requests) {
	}

	/**
	 * Managers asking for help too: active managers, how many of them asked, their named
	 * requests.
	 */
	public record Leaders(long managers, boolean suppressed, Long managersWhoAsked, Double askedShare, Long requests) {
	}

	/**
	 * A person who helped, by name: claims and offers made in the period (on anonymous
	 * requests too: they say what the helper did, not who asked), those offers accepted,
	 * attributable thank-you notes received in the period ({@code thanksReceived}: public
	 * notes about no request or a named request; never private notes or notes about
	 * anonymous requests), and the claims they hold now (and how many of them are stale).
	 */
	public record Helper(String username, String displayName, String team, long claims, long offers,
			long acceptedAnswers, long thanksReceived, long openClaims, long staleClaims) {
	}

	/**
	 * Thank-you notes sent in the period, and the share of resolved requests (posted in
	 * the period) that got a thank-you note. Organisation-wide: every note, public and
	 * private, about any request or none, and any note makes a request thanked. Narrowed
	 * to a team: {@code notes} and {@code publicNotes} count the attributable notes the
	 * team's members sent, {@code privateNotes} is {@code null} (private notes count only
	 * organisation-wide), and {@code resolvedWithThanks} counts the team's named requests
	 * with a public note; the whole section is suppressed when the team's requests come
	 * from fewer than three askers or those notes from fewer than three distinct senders.
	 */
	public record Gratitude(boolean suppressed, Long notes, Long publicNotes, Long privateNotes,
			Share resolvedWithThanks) {
	}

	/**
	 * People who asked (named requests) and who helped (claimed or offered) in the
	 * period; {@code both} did both, {@code people} did either;
	 * {@code share = both / people}. Suppressed when fewer than three people did both.
	 */
	public record Reciprocity(boolean suppressed, Long askers, Long helpers, Long both, Long people, Double share) {
	}

	/**
	 * One ISO week (Monday to Sunday; the first and last may be cut by the period):
	 * requests posted, resolutions, and the median first response of the requests posted
	 * that week.
	 */
	public record Week(LocalDate weekStart, boolean suppressed, Long posted, Long resolved,
			Double medianFirstResponseMinutes) {
	}

}
