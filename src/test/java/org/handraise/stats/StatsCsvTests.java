package org.handraise.stats;

import java.time.Instant;
import java.time.LocalDate;
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
import org.handraise.stats.StatsReport.Teams;
import org.handraise.stats.StatsReport.TopicRow;
import org.handraise.stats.StatsReport.Week;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV without Spring: escaping, formula neutralisation, suppressed cells and the section
 * layout.
 */
class StatsCsvTests {

	@Test
	void plainCellsStayAsTheyAre() {
		assertThat(StatsCsv.cell("Platform")).isEqualTo("Platform");
		assertThat(StatsCsv.cell(42L)).isEqualTo("42");
		assertThat(StatsCsv.cell(null)).isEmpty();
		assertThat(StatsCsv.cell(LocalDate.parse("2026-02-02"))).isEqualTo("2026-02-02");
	}

	@Test
	void decimalsHaveNoTrailingZerosAndNoExponent() {
		assertThat(StatsCsv.cell(60.0)).isEqualTo("60");
		assertThat(StatsCsv.cell(0.5556)).isEqualTo("0.5556");
		assertThat(StatsCsv.cell(1.0E7)).isEqualTo("10000000");
	}

	@Test
	void commasQuotesAndLineBreaksAreQuoted() {
		assertThat(StatsCsv.cell("Data, Analytics")).isEqualTo("\"Data, Analytics\"");
		assertThat(StatsCsv.cell("the \"core\" team")).isEqualTo("\"the \"\"core\"\" team\"");
		assertThat(StatsCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(StatsCsv.cell("cr\rlf")).isEqualTo("\"cr\rlf\"");
	}

	@Test
	void cellsThatLookLikeFormulasGetALeadingApostrophe() {
		assertThat(StatsCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
		assertThat(StatsCsv.cell("+1")).isEqualTo("'+1");
		assertThat(StatsCsv.cell("-2+3")).isEqualTo("'-2+3");
		assertThat(StatsCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(StatsCsv.cell("\tcmd")).isEqualTo("'\tcmd");
		assertThat(StatsCsv.cell("a=b")).isEqualTo("a=b");
		assertThat(StatsCsv.cell("=1,2")).isEqualTo("\"'=1,2\"");
	}

	@Test
	void aReportIsOneSectionPerTableWithSuppressedCellsSpelledOut() {
		String csv = StatsCsv.write(report());
		assertThat(csv).endsWith("\r\n\r\n").doesNotContain("\r\n\r\n\r\n");
		assertThat(StatsApiIT.sectionNames(csv)).containsExactly("period", "requests", "requests_by_topic",
				"responsiveness", "response_shares", "backlog", "teams", "team_topics", "managers", "helpers",
				"gratitude", "reciprocity", "weekly");
		assertThat(StatsApiIT.section(csv, "teams")).containsExactly(
				"team,members,askers,asked_share,first_time_askers,requests,requests_per_member",
				"'=cmd|' /C calc'!A0,2,fewer than 3,fewer than 3,fewer than 3,fewer than 3,fewer than 3",
				"\"Data, Analytics\",4,3,0.75,1,6,1.5");
		assertThat(StatsApiIT.section(csv, "team_topics")).containsExactly("team,topic,requests",
				"\"Data, Analytics\",'@sql,fewer than 3");
		assertThat(StatsApiIT.section(csv, "helpers")).containsExactly(
				"username,display_name,team,claims,offers,accepted_answers,thanks_received,open_claims,stale_claims",
				"maria,'+Maria Rossi,\"Data, Analytics\",1,2,1,0,1,0");
		assertThat(StatsApiIT.section(csv, "managers")).containsExactly(
				"managers,managers_who_asked,asked_share,requests", "1,fewer than 3,fewer than 3,fewer than 3");
		assertThat(StatsApiIT.section(csv, "responsiveness")).containsExactly(
				"measure,count,median_minutes,p90_minutes", "first_response,2,52.5,90", "claim,0,,",
				"resolution,1,180,180");
		assertThat(StatsApiIT.section(csv, "weekly"))
			.containsExactly("week_start,posted,resolved,median_first_response_minutes", "2026-02-02,3,1,52.5");
	}

	private static StatsReport report() {
		Period period = new Period(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-08"), null, null,
				Instant.parse("2026-02-09T08:00:00Z"), 24, 3, 3);
		Requests requests = new Requests(false, 3L, 1L, 0L, 2L, 1L,
				List.of(new TopicRow("sql", false, 3L, 1L, 0L, 2L)));
		Responsiveness responsiveness = new Responsiveness(false, new Durations(2, 52.5, 90.0),
				new Durations(0, null, null), new Durations(1, 180.0, 180.0), Share.of(2, 3), Share.of(0, 2));
		Backlog backlog = new Backlog(false, 2L, List.of(new AgeBucket("lt1d", 1L), new AgeBucket("1to3d", 1L),
				new AgeBucket("3to7d", 0L), new AgeBucket("gt7d", 0L)), 0L);
		Teams teams = new Teams(
				List.of(new TeamRow("=cmd|' /C calc'!A0", 2, true, null, null, null, null, null),
						new TeamRow("Data, Analytics", 4, false, 3L, 0.75, 1L, 6L, 1.5)),
				List.of(new TeamTopicRow("Data, Analytics", "@sql", true, null)),
				new Leaders(1, true, null, null, null));
		List<Helper> helpers = List.of(new Helper("maria", "+Maria Rossi", "Data, Analytics", 1, 2, 1, 0, 1, 0));
		return new StatsReport(period, requests, responsiveness, backlog, teams, helpers,
				new Gratitude(false, 1L, 1L, 0L, Share.of(1, 1)), new Reciprocity(true, null, null, null, null, null),
				List.of(new Week(LocalDate.parse("2026-02-02"), false, 3L, 1L, 52.5)));
	}

}
