package org.handraise.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.handraise.stats.StatsReport.AgeBucket;
import org.handraise.stats.StatsReport.Backlog;
import org.handraise.stats.StatsReport.Durations;
import org.handraise.stats.StatsReport.Gratitude;
import org.handraise.stats.StatsReport.Helper;
import org.handraise.stats.StatsReport.Leaders;
import org.handraise.stats.StatsReport.Period;
import org.handraise.stats.StatsReport.Reciprocity;
import org.handraise.stats.StatsReport.Requests;
import org.handraise.stats.StatsReport.Responsiveness;
import org.handraise.stats.StatsReport.Share;
import org.handraise.stats.StatsReport.TeamRow;
import org.handraise.stats.StatsReport.TeamTopicRow;
import org.handraise.stats.StatsReport.TopicRow;
import org.handraise.stats.StatsReport.Week;

/**
 * A {@link StatsReport} as CSV (RFC 4180, CRLF line ends): one section per table, each a
 * line with the section's name, a header row and its rows, and a blank line after it. A
 * suppressed figure reads {@value #SUPPRESSED}. Every cell is escaped, and a cell that a
 * spreadsheet would take for a formula (starting with {@code = + - @}, tab or carriage
 * return) gets a leading apostrophe.
 */
public final class StatsCsv {

	/** What a figure hidden by the {@link PrivacyFloor} reads as. */
	public static final String SUPPRESSED = "fewer than 3";

	private static final String CRLF = "\r\n";

	private final StringBuilder out = new StringBuilder();

	private StatsCsv() {
	}

	public static String write(StatsReport report) {
		StatsCsv csv = new StatsCsv();
		csv.period(report.period());
		csv.requests(report.requests());
		csv.responsiveness(report.responsiveness());
		csv.backlog(report.backlog());
		csv.teams(report);
		csv.helpers(report.helpers());
		csv.gratitude(report.gratitude());
		csv.reciprocity(report.reciprocity());
		csv.weekly(report.weekly());
		return csv.out.toString();
	}

	private void period(Period p) {
		section("period", "from", "to", "team", "topic", "generated_at", "first_response_target_hours",
				"stale_claim_days", "privacy_floor");
		row(p.from(), p.to(), p.team(), p.topic(), p.generatedAt(), p.firstResponseTargetHours(), p.staleClaimDays(),
				p.privacyFloor());
		end();
	}

	private void requests(Requests r) {
		section("requests", "posted", "resolved", "cancelled", "still_open", "anonymous");
		figures(r.suppressed(), r.posted(), r.resolved(), r.cancelled(), r.stillOpen(), r.anonymous());
		end();
		section("requests_by_topic", "topic", "posted", "resolved", "cancelled", "still_open");
		for (TopicRow t : r.byTopic()) {
			row(t.topic(), values(t.suppressed(), t.posted(), t.resolved(), t.cancelled(), t.stillOpen()));
		}
		end();
	}

	private void responsiveness(Responsiveness r) {
		section("responsiveness", "measure", "count", "median_minutes", "p90_minutes");
		durations("first_response", r.suppressed(), r.firstResponse());
		durations("claim", r.suppressed(), r.claim());
		durations("resolution", r.suppressed(), r.resolution());
		end();
		section("response_shares", "measure", "count", "of", "share");
		share("first_response_within_target", r.suppressed(), r.withinTarget());
		share("reopened", r.suppressed(), r.reopened());
		end();
	}

	private void durations(String measure, boolean suppressed, Durations d) {
		if (d == null) {
			row(measure, values(suppressed, null, null, null));
		}
		else {
			row(measure, d.count(), d.medianMinutes(), d.p90Minutes());
		}
	}

	private void share(String measure, boolean suppressed, Share s) {
		if (s == null) {
			row(measure, values(suppressed, null, null, null));
		}
		else {
			row(measure, s.count(), s.of(), s.share());
		}
	}

	private void backlog(Backlog b) {
		section("backlog", "measure", "count");
		for (AgeBucket bucket : b.ageBuckets()) {
			row("unclaimed_open_" + bucket.bucket(), values(b.suppressed(), bucket.count()));
		}
		row("unclaimed_open_total", values(b.suppressed(), b.unclaimedOpen()));
		row("stale_claims", values(b.suppressed(), b.staleClaims()));
		end();
	}

	private void teams(StatsReport report) {
		section("teams", "team", "members", "askers", "asked_share", "first_time_askers", "requests",
				"requests_per_member");
		for (TeamRow t : report.teams().rows()) {
			row(t.team(), t.members(), values(t.suppressed(), t.askers(), t.askedShare(), t.firstTimeAskers(),
					t.requests(), t.requestsPerMember()));
		}
		end();
		section("team_topics", "team", "topic", "requests");
		for (TeamTopicRow t : report.teams().byTopic()) {
			row(t.team(), t.topic(), values(t.suppressed(), t.requests()));
		}
		end();
		Leaders l = report.teams().leaders();
		section("managers", "managers", "managers_who_asked", "asked_share", "requests");
		row(l.managers(), values(l.suppressed(), l.managersWhoAsked(), l.askedShare(), l.requests()));
		end();
	}

	private void helpers(List<Helper> helpers) {
		section("helpers", "username", "display_name", "team", "claims", "offers", "accepted_answers",
				"thanks_received", "open_claims", "stale_claims");
		for (Helper h : helpers) {
			row(h.username(), h.displayName(), h.team(), h.claims(), h.offers(), h.acceptedAnswers(),
					h.thanksReceived(), h.openClaims(), h.staleClaims());
		}
		end();
	}

	private void gratitude(Gratitude g) {
		section("gratitude", "notes", "public_notes", "private_notes", "resolved_requests", "resolved_with_thanks",
				"share");
		Share s = g.resolvedWithThanks();
		figures(g.suppressed(), g.notes(), g.publicNotes(), g.privateNotes(), (s != null) ? s.of() : null,
				(s != null) ? s.count() : null, (s != null) ? s.share() : null);
		end();
	}

	private void reciprocity(Reciprocity r) {
		section("reciprocity", "askers", "helpers", "asked_and_helped", "people", "share");
		figures(r.suppressed(), r.askers(), r.helpers(), r.both(), r.people(), r.share());
		end();
	}

	private void weekly(List<Week> weeks) {
		section("weekly", "week_start", "posted", "resolved", "median_first_response_minutes");
		for (Week w : weeks) {
			row(w.weekStart(), values(w.suppressed(), w.posted(), w.resolved(), w.medianFirstResponseMinutes()));
		}
		end();
	}

	// writing

	/**
	 * Figures of a row or section: each null one reads "fewer than 3" when suppressed,
	 * else empty.
	 */
	private static Object[] values(boolean suppressed, Object... values) {
		return Arrays.stream(values).map((v) -> (v == null && suppressed) ? SUPPRESSED : v).toArray();
	}

	private void section(String name, String... header) {
		line(List.of(name));
		line(Arrays.asList((Object[]) header));
	}

	private void figures(boolean suppressed, Object... values) {
		line(Arrays.asList(values(suppressed, values)));
	}

	private void row(Object first, Object... rest) {
		List<Object> cells = new ArrayList<>();
		cells.add(first);
		cells.addAll(flatten(rest));
		line(cells);
	}

	private void row(Object first, Object second, Object[] rest) {
		List<Object> cells = new ArrayList<>();
		cells.add(first);
		cells.add(second);
		cells.addAll(Arrays.asList(rest));
		line(cells);
	}

	private static List<Object> flatten(Object[] values) {
		List<Object> cells = new ArrayList<>();
		for (Object value : values) {
			if (value instanceof Object[] nested) {
				cells.addAll(Arrays.asList(nested));
			}
			else {
				cells.add(value);
			}
		}
		return cells;
	}

	private void end() {
		this.out.append(CRLF);
	}

	private void line(List<?> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				this.out.append(',');
			}
			this.out.append(cell(cells.get(i)));
		}
		this.out.append(CRLF);
	}

	/**
	 * One cell: formatted, neutralised if a spreadsheet would run it as a formula, and
	 * quoted if needed.
	 */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text;
		if (value instanceof Double d) {
			text = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
		}
		else {
			text = String.valueOf(value);
		}
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			text = '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
