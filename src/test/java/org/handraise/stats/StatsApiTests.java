package org.handraise.stats;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.handraise.requests.HelpRequestService;
import org.handraise.support.Api;
import org.handraise.support.PostgresIntegrationTest;
import org.handraise.thanks.ThanksService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/stats} and {@code /api/stats.csv} on PostgreSQL ({@code percentile_cont}) over the hand-computed
 * {@link StatsFixture}: every figure, the privacy floor, anonymous requests, who may see it, and bad input.
 */
class StatsApiTests extends PostgresIntegrationTest {

	@Autowired
	HelpRequestService requests;

	@Autowired
	ThanksService thanks;

	private Api api;

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(StatsFixture.NOW, ZoneOffset.UTC);
		}

	}

	@BeforeEach
	void fixture() {
		this.api = new Api(baseUrl());
		StatsFixture.load((username, team, roles) -> person(username, team, List.of(), roles), this.requests,
				this.thanks);
	}

	@Test
	void everyFigureMatchesTheHandComputedFixture() {
		Api.Response response = this.api.get("/api/stats?" + StatsFixture.PERIOD, "grace", PASSWORD);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(fieldNames(response.json())).containsExactly("period", "requests", "responsiveness", "backlog",
				"teams", "helpers", "gratitude", "reciprocity", "weekly");
		StatsFixture.assertFigures(response.json());
	}

	@Test
	void administratorsSeeTheSameFigures() {
		Api.Response response = this.api.get("/api/stats?" + StatsFixture.PERIOD, "boss", PASSWORD);
		assertThat(response.status()).isEqualTo(200);
		StatsFixture.assertFigures(response.json());
	}

	@Test
	void theDefaultPeriodIsTheLastEightWeeks() {
		JsonNode period = this.api.get("/api/stats", "grace", PASSWORD).json().get("period");
		// now is Wednesday 2026-03-04: from the Monday seven weeks before this week's Monday, up to today.
		assertThat(period.get("from").asString()).isEqualTo("2026-01-12");
		assertThat(period.get("to").asString()).isEqualTo("2026-03-04");
		assertThat(this.api.get("/api/stats", "grace", PASSWORD).json().get("weekly")).hasSize(8);
	}

	@Test
	void aTeamWithTwoAskersIsSuppressedEverywhere() {
		Api.Response json = this.api.get("/api/stats?" + StatsFixture.PERIOD + "&team=Mobile", "grace", PASSWORD);
		assertThat(json.status()).isEqualTo(200);
		StatsFixture.assertMobileSuppressed(json.json());

		Api.Response csv = this.api.get("/api/stats.csv?" + StatsFixture.PERIOD + "&team=Mobile", "grace", PASSWORD);
		assertThat(section(csv.body(), "requests")).containsExactly("posted,resolved,cancelled,still_open,anonymous",
				"fewer than 3,fewer than 3,fewer than 3,fewer than 3,fewer than 3");
		assertThat(section(csv.body(), "teams")).containsExactly(
				"team,members,askers,asked_share,first_time_askers,requests,requests_per_member",
				"Mobile,2,fewer than 3,fewer than 3,fewer than 3,fewer than 3,fewer than 3");
		assertThat(section(csv.body(), "team_topics")).containsExactly("team,topic,requests",
				"Mobile,kotlin,fewer than 3");

		// In the whole-organisation report, too, Mobile's row and its team x topic cell say "fewer than 3".
		String all = this.api.get("/api/stats.csv?" + StatsFixture.PERIOD, "grace", PASSWORD).body();
		assertThat(section(all, "teams")).contains(
				"Mobile,2,fewer than 3,fewer than 3,fewer than 3,fewer than 3,fewer than 3",
				"Platform,4,4,1,3,5,1.25");
		assertThat(section(all, "team_topics")).contains("Mobile,kotlin,fewer than 3", "Platform,java,3");
	}

	@Test
	void anAnonymousRequestNeverCountsTowardsItsAuthorsTeam() {
		StatsFixture.assertPlatformWithoutAnonymous(
				this.api.get("/api/stats?" + StatsFixture.PERIOD + "&team=Platform", "grace", PASSWORD).json());
	}

	@Test
	void aTopicNarrowsEveryFigure() {
		JsonNode report = this.api.get("/api/stats?" + StatsFixture.PERIOD + "&topic=java", "grace", PASSWORD).json();
		assertThat(report.get("requests").get("posted").asLong()).isEqualTo(3);
		assertThat(report.get("requests").get("resolved").asLong()).isEqualTo(3);
		assertThat(StatsFixture.rows(report.get("helpers"), "username", "claims", "offers")).containsExactly(
				"maria 1 2", "marco 0 1");
	}

	@Test
	void noReportEverNamesSomeoneWhoOnlyAsked() {
		List<String> bodies = List.of(this.api.get("/api/stats?" + StatsFixture.PERIOD, "grace", PASSWORD).body(),
				this.api.get("/api/stats.csv?" + StatsFixture.PERIOD, "grace", PASSWORD).body(),
				this.api.get("/api/stats?" + StatsFixture.PERIOD + "&team=Platform", "grace", PASSWORD).body(),
				this.api.get("/api/stats.csv?" + StatsFixture.PERIOD + "&team=Mobile", "grace", PASSWORD).body());
		for (String body : bodies) {
			for (String asker : StatsFixture.ASK_ONLY) {
				String displayName = Character.toUpperCase(asker.charAt(0)) + asker.substring(1) + " Test";
				assertThat(body).doesNotContain(displayName)
					.doesNotContainPattern(Pattern.compile("\\b" + asker + "\\b", Pattern.CASE_INSENSITIVE));
			}
		}
	}

	@Test
	void theCsvHasOneSectionPerTableEachWithAHeader() {
		Api.Response csv = this.api.get("/api/stats.csv?" + StatsFixture.PERIOD, "grace", PASSWORD);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(sectionNames(csv.body())).containsExactly("period", "requests", "requests_by_topic",
				"responsiveness", "response_shares", "backlog", "teams", "team_topics", "managers", "helpers",
				"gratitude", "reciprocity", "weekly");
		assertThat(csv.body()).contains("\r\n");
		assertThat(section(csv.body(), "requests")).containsExactly("posted,resolved,cancelled,still_open,anonymous",
				"10,5,2,3,1");
		assertThat(section(csv.body(), "responsiveness")).containsExactly("measure,count,median_minutes,p90_minutes",
				"first_response,7,60,2844", "claim,3,60,492", "resolution,5,180,2340");
		assertThat(section(csv.body(), "helpers")).containsExactly(
				"username,display_name,team,claims,offers,accepted_answers,thanks_received,open_claims,stale_claims",
				"maria,Maria Test,Platform,3,3,2,2,1,1", "marco,Marco Test,Data,0,2,1,0,0,0",
				"dave,Dave Test,Mobile,0,1,0,1,0,0", "frank,Frank Test,Data,0,1,0,0,0,0");
		assertThat(section(csv.body(), "weekly")).containsExactly(
				"week_start,posted,resolved,median_first_response_minutes", "2026-02-02,3,3,60",
				"2026-02-09,1,1,2880", "2026-02-16,3,1,45", "2026-02-23,3,0,");
	}

	@Test
	void employeesAndMentorsAreForbidden() {
		for (String username : List.of("alice", "maria")) {
			for (String path : List.of("/api/stats", "/api/stats.csv", "/api/stats?from=2026-03-01&to=2026-02-01")) {
				Api.Response response = this.api.get(path, username, PASSWORD);
				assertThat(response.status()).as(username + " " + path).isEqualTo(403);
				assertThat(response.isProblem()).isTrue();
			}
		}
		assertThat(this.api.get("/api/stats", null, null).status()).isEqualTo(401);
	}

	@Test
	void fromAfterToIsABadRequestWithTheField() {
		Api.Response response = this.api.get("/api/stats?from=2026-03-01&to=2026-02-01", "grace", PASSWORD);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
	}

	@Test
	void badDatesAndUnknownFiltersAreBadRequests() {
		Api.Response dates = this.api.get("/api/stats?from=2026-02-30&to=yesterday", "grace", PASSWORD);
		assertThat(dates.status()).isEqualTo(400);
		assertThat(StatsFixture.rows(dates.json().get("errors"), "field")).containsExactly("from", "to");
		Api.Response csv = this.api.get("/api/stats.csv?from=2026-03-01&to=2026-02-01", "grace", PASSWORD);
		assertThat(csv.status()).isEqualTo(400);
		assertThat(csv.isProblem()).isTrue();
		Api.Response team = this.api.get("/api/stats?team=Nowhere&topic=cobol", "grace", PASSWORD);
		assertThat(team.status()).isEqualTo(400);
		assertThat(StatsFixture.rows(team.json().get("errors"), "field")).containsExactly("team", "topic");
	}

	// --- CSV -----------------------------------------------------------------------------------------------

	/** The lines of one CSV section after its name: the header row and the rows. */
	static List<String> section(String csv, String name) {
		List<String> lines = Arrays.asList(csv.split("\r\n", -1));
		int start = lines.indexOf(name);
		assertThat(start).as("section " + name).isNotNegative();
		List<String> section = new ArrayList<>();
		for (int i = start + 1; i < lines.size() && !lines.get(i).isEmpty(); i++) {
			section.add(lines.get(i));
		}
		return section;
	}

	static List<String> sectionNames(String csv) {
		List<String> names = new ArrayList<>();
		boolean next = true;
		for (String line : csv.split("\r\n", -1)) {
			if (next && !line.isEmpty()) {
				names.add(line);
			}
			next = line.isEmpty();
		}
		return names;
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
