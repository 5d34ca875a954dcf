package org.handraise.stats;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.handraise.people.PersonCommand;
import org.handraise.people.Role;
import org.handraise.requests.Action;
import org.handraise.requests.RequestSeeding;
import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.handraise.thanks.ThanksService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/stats} and {@code /api/stats.csv} on PostgreSQL
 * ({@code percentile_cont}) over the hand-computed {@link StatsFixture}: every figure,
 * the privacy floor, anonymous requests, who may see it, and bad input.
 */
class StatsApiIT extends PostgresIntegrationTest {

	@Autowired
	RequestSeeding requests;

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
		// now is Wednesday 2026-03-04: from the Monday seven weeks before this week's
		// Monday, up to today.
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

		// In the whole-organisation report, too, Mobile's row and its team x topic cell
		// say "fewer than 3".
		String all = this.api.get("/api/stats.csv?" + StatsFixture.PERIOD, "grace", PASSWORD).body();
		assertThat(section(all, "teams")).contains(
				"Mobile,2,fewer than 3,fewer than 3,fewer than 3,fewer than 3,fewer than 3", "Platform,4,4,1,3,5,1.25");
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
		assertThat(StatsFixture.rows(report.get("helpers"), "username", "claims", "offers"))
			.containsExactly("maria 1 2", "marco 0 1");
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
				"username,display_name,team,claims,offers,accepted_answers,thanks_received,"
						+ "open_claims,stale_claims",
				"maria,Maria Test,Platform,3,3,2,1,1,1", "marco,Marco Test,Data,0,2,1,0,0,0",
				"dave,Dave Test,Mobile,0,1,0,0,0,0", "frank,Frank Test,Data,0,1,0,0,0,0");
		assertThat(section(csv.body(), "weekly")).containsExactly(
				"week_start,posted,resolved,median_first_response_minutes", "2026-02-02,3,3,60", "2026-02-09,1,1,2880",
				"2026-02-16,3,1,45", "2026-02-23,3,0,");
	}

	// who asked anonymously and who sent a thank-you note stay unknown

	/**
	 * A team's report, as JSON, CSV and page, is byte for byte the same after its members
	 * post anonymous requests that get claims, offers, resolutions, a reopening, a
	 * cancellation and thank-you notes (public and private) from helpers in other teams.
	 * The clock is fixed ({@code generatedAt}), and reports are not kept between calls
	 * ({@code handraise.stats.cache-for=0} in the tests): the whole-organisation report,
	 * asked in between, does change.
	 */
	@Test
	void anonymousRequestsAndTheirNotesLeaveTheirAuthorsTeamsReportUnchanged() {
		StatsFixture play = StatsFixture.playing(this.requests, this.thanks);
		// two more Platform members thank publicly, so Platform's gratitude is shown (3
		// senders with alice)
		long b1 = play.post("bob", false, "java", "2026-02-23T09:00");
		long o1 = play.offer("marco", b1, "2026-02-23T10:00");
		play.resolve("bob", b1, o1, "2026-02-23T11:00");
		play.thank("bob", "marco", b1, true, "2026-02-23T11:30");
		long m1 = play.post("maria", false, "java", "2026-02-24T09:00");
		long o2 = play.offer("frank", m1, "2026-02-24T10:00");
		play.resolve("maria", m1, o2, "2026-02-24T11:00");
		play.thank("maria", "frank", m1, true, "2026-02-24T11:30");
		String team = "/api/stats?" + StatsFixture.PERIOD + "&team=Platform";
		String teamCsv = "/api/stats.csv?" + StatsFixture.PERIOD + "&team=Platform";
		String teamPage = "/stats?" + StatsFixture.PERIOD + "&team=Platform";
		PageClient page = PageClient.signedIn(baseUrl(), "grace", PASSWORD);
		String json = this.api.get(team, "grace", PASSWORD).body();
		String csv = this.api.get(teamCsv, "grace", PASSWORD).body();
		String html = withoutCsrfToken(page.get(teamPage).body());
		assertThat(this.api.get(team, "grace", PASSWORD).json().get("period").get("generatedAt").asString())
			.isEqualTo(StatsFixture.NOW.toString());
		assertThat(this.api.get(team, "grace", PASSWORD).json().get("gratitude").get("suppressed").asBoolean())
			.isFalse();
		assertThat(withoutCsrfToken(page.get(teamPage).body())).as("the page is the same when nothing changed")
			.isEqualTo(html);
		JsonNode before = this.api.get("/api/stats?" + StatsFixture.PERIOD, "grace", PASSWORD).json();

		// Platform members ask anonymously; Mobile and Data members help (marco, a
		// mentor, claims)
		long a1 = play.post("alice", true, "java", "2026-02-24T12:00");
		play.act("marco", a1, Action.CLAIM, "2026-02-24T12:10");
		long a1o = play.offer("dave", a1, "2026-02-24T12:30");
		play.resolve("alice", a1, a1o, "2026-02-24T13:00");
		play.thank("alice", "dave", a1, true, "2026-02-24T13:05");
		play.thank("alice", "dave", a1, false, "2026-02-24T13:06");
		long a2 = play.post("bob", true, "sql", "2026-02-25T09:00");
		play.offer("marco", a2, "2026-02-25T11:00");
		play.resolve("bob", a2, null, "2026-02-25T12:00");
		play.thank("bob", "marco", a2, false, "2026-02-25T12:30");
		long a3 = play.post("carol", true, "kotlin", "2026-02-26T09:00");
		play.act("marco", a3, Action.CLAIM, "2026-02-26T10:00");
		play.post("carol", true, "java", "2026-02-27T09:00");
		long a5 = play.post("bob", true, "spring", "2026-02-20T09:00");
		play.offer("frank", a5, "2026-02-20T10:00");
		play.act("bob", a5, Action.CANCEL, "2026-02-20T11:00");
		long a6 = play.post("maria", true, "kubernetes", "2026-02-03T09:00");
		long a6o = play.offer("marco", a6, "2026-02-03T09:30");
		play.resolve("maria", a6, a6o, "2026-02-03T10:00");
		play.thank("maria", "marco", a6, true, "2026-02-03T10:30");
		play.thank("maria", "frank", null, false, "2026-02-03T10:40");
		play.act("maria", a6, Action.REOPEN, "2026-02-04T09:00");
		play.post("alice", true, "java", "2026-03-03T09:00");

		JsonNode after = this.api.get("/api/stats?" + StatsFixture.PERIOD, "grace", PASSWORD).json();
		assertThat(after.get("requests").get("anonymous").asLong())
			.isEqualTo(before.get("requests").get("anonymous").asLong() + 6);
		assertThat(after.get("gratitude").get("notes").asLong())
			.isEqualTo(before.get("gratitude").get("notes").asLong() + 5);
		assertThat(this.api.get(team, "grace", PASSWORD).body()).isEqualTo(json);
		assertThat(this.api.get(teamCsv, "grace", PASSWORD).body()).isEqualTo(csv);
		assertThat(withoutCsrfToken(page.get(teamPage).body())).isEqualTo(html);
	}

	// the past as it was: who was in which team then

	/**
	 * Deactivating a person and moving another to a different team leave the figures of a
	 * past period the same (whole organisation, and narrowed to the team they left or
	 * joined): a team's members for a period are the people who were its members at some
	 * time in it, and a request counts towards the team its author was in when it was
	 * posted. A request posted after the move counts towards the new team.
	 */
	@Test
	@WithMockUser(username = "boss", roles = { "EMPLOYEE", "ADMIN" })
	void deactivatingOrMovingAPersonLeavesAPastPeriodsTeamFiguresUnchanged() {
		List<String> questions = List.of("/api/stats?" + StatsFixture.PERIOD,
				"/api/stats?" + StatsFixture.PERIOD + "&team=Platform",
				"/api/stats?" + StatsFixture.PERIOD + "&team=Mobile", "/api/stats.csv?" + StatsFixture.PERIOD);
		List<String> before = questions.stream().map((q) -> this.api.get(q, "grace", PASSWORD).body()).toList();
		JsonNode platform = this.api.get(questions.get(0), "grace", PASSWORD).json().get("teams").get("rows").get(2);
		assertThat(platform.get("team").asString()).isEqualTo("Platform");
		assertThat(platform.get("members").asLong()).isEqualTo(4);
		assertThat(platform.get("askers").asLong()).isEqualTo(4);

		this.people.deactivate("boss", "bob");
		this.people.update("carol", new PersonCommand("carol", "Carol Test", "carol@handraise.example", "Mobile", null,
				Set.of(Role.EMPLOYEE), List.of(), null));
		for (int i = 0; i < questions.size(); i++) {
			assertThat(this.api.get(questions.get(i), "grace", PASSWORD).body()).as(questions.get(i))
				.isEqualTo(before.get(i));
		}

		long later = StatsFixture.playing(this.requests, this.thanks)
			.post("carol", false, "kotlin", "2026-03-04T10:00");
		assertThat(this.jdbc.queryForObject(
				"select t.name from stats_request f join teams t on t.id = f.team_id where f.request_id = ?",
				String.class, later))
			.isEqualTo("Mobile");
		JsonNode today = this.api.get("/api/stats?from=2026-03-02&to=2026-03-08", "grace", PASSWORD).json();
		assertThat(StatsFixture.rows(today.get("teams").get("rows"), "team", "members")).containsExactly("Data 2",
				"Mobile 3", "Platform 4");
	}

	@Test
	void aHelpersThanksCountNeitherPrivateNotesNorNotesForAnonymousRequests() {
		// 02-12, sql: carol thanks maria privately for R3
		JsonNode privateNote = this.api.get("/api/stats?from=2026-02-12&to=2026-02-12&topic=sql", "grace", PASSWORD)
			.json();
		assertThat(StatsFixture.rows(privateNote.get("helpers"), "username", "offers", "thanksReceived"))
			.containsExactly("maria 1 0");
		// 02-17: alice thanks dave publicly for her anonymous R4 (maria is listed for the
		// claim she holds now)
		JsonNode anonymous = this.api.get("/api/stats?from=2026-02-17&to=2026-02-17", "grace", PASSWORD).json();
		assertThat(StatsFixture.rows(anonymous.get("helpers"), "username", "offers", "thanksReceived"))
			.containsExactly("dave 1 0", "maria 0 0");
		// organisation-wide, narrowed to a topic or not, both notes count
		assertThat(StatsFixture.rows(List.of(privateNote.get("gratitude"), anonymous.get("gratitude")), "notes",
				"publicNotes", "privateNotes"))
			.containsExactly("1 0 1", "1 1 0");
		// someone whose only activity is a private note received is not listed at all
		StatsFixture.playing(this.requests, this.thanks).thank("maria", "frank", null, false, "2026-03-02T10:00");
		JsonNode onlyThanked = this.api.get("/api/stats?from=2026-03-02&to=2026-03-02", "grace", PASSWORD).json();
		assertThat(StatsFixture.rows(onlyThanked.get("helpers"), "username")).containsExactly("maria");
		assertThat(onlyThanked.get("gratitude").get("privateNotes").asLong()).isEqualTo(1);
		assertThat(section(this.api.get("/api/stats.csv?from=2026-03-02&to=2026-03-02", "grace", PASSWORD).body(),
				"helpers"))
			.containsExactly("username,display_name,team,claims,offers,accepted_answers,thanks_received,"
					+ "open_claims,stale_claims", "maria,Maria Test,Platform,0,0,0,0,1,1");
	}

	/**
	 * Platform has four askers, but its public notes about named requests come from two
	 * senders (alice and bob): its gratitude is hidden in JSON, CSV and on the page; with
	 * a third sender (maria) it is shown, without private notes.
	 */
	@Test
	void aTeamsGratitudeFromFewerThanThreeSendersIsHidden() {
		StatsFixture play = StatsFixture.playing(this.requests, this.thanks);
		long b1 = play.post("bob", false, "java", "2026-02-23T09:00");
		long o1 = play.offer("marco", b1, "2026-02-23T10:00");
		play.resolve("bob", b1, o1, "2026-02-23T11:00");
		play.thank("bob", "marco", b1, true, "2026-02-23T11:30");
		String query = StatsFixture.PERIOD + "&team=Platform";
		PageClient page = PageClient.signedIn(baseUrl(), "grace", PASSWORD);

		JsonNode hidden = this.api.get("/api/stats?" + query, "grace", PASSWORD).json();
		assertThat(hidden.get("requests").get("suppressed").asBoolean()).isFalse();
		assertThat(StatsFixture.rows(List.of(hidden.get("gratitude")), "suppressed", "notes", "publicNotes",
				"privateNotes"))
			.containsExactly("true null null null");
		assertThat(hidden.get("gratitude").get("resolvedWithThanks").isNull()).isTrue();
		assertThat(section(this.api.get("/api/stats.csv?" + query, "grace", PASSWORD).body(), "gratitude"))
			.containsExactly("notes,public_notes,private_notes,resolved_requests,resolved_with_thanks,share",
					"fewer than 3,fewer than 3,fewer than 3,fewer than 3,fewer than 3,fewer than 3");
		assertThat(gratitudeCard(page.get("/stats?" + query).body())).contains("fewer than 3")
			.doesNotContainPattern(">\\s*\\d");

		long m1 = play.post("maria", false, "java", "2026-02-24T09:00");
		long o2 = play.offer("frank", m1, "2026-02-24T10:00");
		play.resolve("maria", m1, o2, "2026-02-24T11:00");
		play.thank("maria", "frank", m1, true, "2026-02-24T11:30");
		// notes from alice (R1), bob and maria; resolved: R1 R2 R3 R11 R12 and the two
		// new ones, of which R1 and the new ones were thanked publicly (carol's note for
		// R3 is private)
		JsonNode shown = this.api.get("/api/stats?" + query, "grace", PASSWORD).json();
		assertThat(StatsFixture.rows(List.of(shown.get("gratitude")), "suppressed", "notes", "publicNotes",
				"privateNotes"))
			.containsExactly("false 3 3 null");
		assertThat(StatsFixture.rows(List.of(shown.get("gratitude").get("resolvedWithThanks")), "count", "of"))
			.containsExactly("3 7");
		assertThat(section(this.api.get("/api/stats.csv?" + query, "grace", PASSWORD).body(), "gratitude"))
			.containsExactly("notes,public_notes,private_notes,resolved_requests,resolved_with_thanks,share",
					"3,3,,7,3,0.4286");
		assertThat(gratitudeCard(page.get("/stats?" + query).body())).contains("3 of 7 (")
			.doesNotContain("fewer than 3");
	}

	/**
	 * On the page, a hidden figure says so in words ("hidden: fewer than 3 people"), on
	 * the headline cards as in the tables, never as a bare "fewer than 3" value; and
	 * every date the page writes (the period, the weeks of the table and of the charts,
	 * when the figures were computed) reads "2 Feb 2026". Only the date inputs (ISO, as
	 * HTML has them), links and machine-readable attributes keep ISO dates.
	 */
	@Test
	void thePageSaysAFigureIsHiddenAndWritesEveryDateTheSameWay() {
		PageClient page = PageClient.signedIn(baseUrl(), "grace", PASSWORD);
		String html = page.get("/stats?" + StatsFixture.PERIOD + "&team=Mobile").body();
		assertThat(html).containsPattern("<div class=\"stat-value stat-hidden\">hidden: fewer than 3 people</div>"
				+ "\\s*<div class=\"stat-label\">Requests posted");
		assertThat(html).doesNotContainPattern(">\\s*fewer than 3\\s*<");
		assertThat(html).contains("Requests posted from 2 Feb 2026 to 1 Mar 2026 (UTC", ">4 Mar 2026, 12:00 UTC</time>",
				">23 Feb 2026</th>", "&quot;labels&quot;:[&quot;2 Feb 2026&quot;,&quot;9 Feb 2026&quot;");
		String text = html.replaceAll("(value|href|datetime|action)=\"[^\"]*\"", "");
		assertThat(text).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\d");
		assertThat(html).contains("value=\"2026-02-02\"", "value=\"2026-03-01\"");
	}

	private static String gratitudeCard(String html) {
		int start = html.indexOf("aria-labelledby=\"gratitude-title\"");
		assertThat(start).isNotNegative();
		return html.substring(start, html.indexOf("</section>", start));
	}

	/**
	 * The page without the value of its CSRF token, which Spring Security masks afresh
	 * for every response (the only part of the page that differs between two calls when
	 * nothing has changed).
	 */
	private static String withoutCsrfToken(String html) {
		return html.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\" value=\"\"");
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

	// CSV

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
