package org.handraise.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.handraise.people.Role;
import org.handraise.requests.Action;
import org.handraise.requests.RequestSeeding;
import org.handraise.requests.RequestDraft;
import org.handraise.requests.RequestView;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A small data set whose every figure is worked out by hand below, played through the
 * services with explicit times, and the assertions of those figures on a
 * {@code GET /api/stats} answer. Used on PostgreSQL (with {@code percentile_cont}) and on
 * H2 (with the sorted-durations fallback): both must give the same answers.
 *
 * <pre>
 * now = Wed 2026-03-04 12:00 UTC; period 2026-02-02 .. 2026-03-01 (four ISO weeks)
 * people: alice, bob, carol (Platform), maria (Platform, mentor), dave, erin (Mobile),
 *         marco (Data, mentor), frank (Data), grace (manager, no team), boss (admin, no team)
 *
 * R1  alice  java        Mon 02-02 09:00  maria claims 09:30, offers 10:00; alice accepts, resolves 12:00;
 *                                          alice thanks maria (public) 12:10
 * R2  bob    java        Tue 02-03 09:00  marco offers 13:00; bob resolves 02-04 09:00 (accepts none)
 * R11 carol  java        Thu 02-05 10:00  maria offers 10:30; carol resolves 11:00 (accepts none)
 * R3  carol  sql         Tue 02-10 09:00  maria claims 19:00, offers 02-12 09:00; carol accepts, resolves 10:00;
 *                                          carol thanks maria (private) 11:00
 * R4  alice  sql  ANON   Tue 02-17 09:00  dave offers 09:20; alice accepts, resolves 10:00; thanks dave (public)
 *                                          10:05; reopens 02-18 09:00 (open now, resolved_at cleared)
 * R12 maria  kubernetes  Thu 02-19 09:00  marco offers 09:45; maria accepts, resolves 11:00
 * R13 marco  spring      Fri 02-20 09:00  frank offers 02-22 08:00; marco cancels 02-22 09:00
 * R6  erin   kotlin      Wed 02-25 09:00  erin cancels 10:00 (no offer)
 * R7  grace  leadership  Thu 02-26 09:00  maria claims 10:00 (still claimed: stale)
 * R5  dave   kotlin      Fri 02-27 09:00  nothing (open)
 * outside the period: R8 bob java 01-20 09:00 (open); R10 carol sql 03-02 09:00 (open);
 *                     R9 alice java 03-04 08:00 (open); bob thanks marco (no request) 03-03 10:00
 * </pre>
 */
final class StatsFixture {

	static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");

	static final String PERIOD = "from=2026-02-02&to=2026-03-01";

	/**
	 * People who asked for help in the fixture but never helped: no report may name them.
	 */
	static final List<String> ASK_ONLY = List.of("alice", "bob", "carol", "erin", "grace");

	@FunctionalInterface
	interface People {

		/** Adds a person called "{Username} Test". */
		void add(String username, String team, Role... roles);

	}

	private final RequestSeeding requests;

	private final ThanksService thanks;

	private StatsFixture(RequestSeeding requests, ThanksService thanks) {
		this.requests = requests;
		this.thanks = thanks;
	}

	static void load(People people, RequestSeeding requests, ThanksService thanks) {
		people.add("alice", "Platform");
		people.add("bob", "Platform");
		people.add("carol", "Platform");
		people.add("maria", "Platform", Role.MENTOR);
		people.add("dave", "Mobile");
		people.add("erin", "Mobile");
		people.add("marco", "Data", Role.MENTOR);
		people.add("frank", "Data");
		people.add("grace", null, Role.MANAGER);
		people.add("boss", null, Role.ADMIN);
		playing(requests, thanks).play();
	}

	/** Plays more of a history through the services, with the fixture's helpers. */
	static StatsFixture playing(RequestSeeding requests, ThanksService thanks) {
		return new StatsFixture(requests, thanks);
	}

	private void play() {
		long r8 = post("bob", false, "java", "2026-01-20T09:00");

		long r1 = post("alice", false, "java", "2026-02-02T09:00");
		act("maria", r1, Action.CLAIM, "2026-02-02T09:30");
		long o1 = offer("maria", r1, "2026-02-02T10:00");
		resolve("alice", r1, o1, "2026-02-02T12:00");
		thank("alice", "maria", r1, true, "2026-02-02T12:10");

		long r2 = post("bob", false, "java", "2026-02-03T09:00");
		offer("marco", r2, "2026-02-03T13:00");
		resolve("bob", r2, null, "2026-02-04T09:00");

		long r11 = post("carol", false, "java", "2026-02-05T10:00");
		offer("maria", r11, "2026-02-05T10:30");
		resolve("carol", r11, null, "2026-02-05T11:00");

		long r3 = post("carol", false, "sql", "2026-02-10T09:00");
		act("maria", r3, Action.CLAIM, "2026-02-10T19:00");
		long o3 = offer("maria", r3, "2026-02-12T09:00");
		resolve("carol", r3, o3, "2026-02-12T10:00");
		thank("carol", "maria", r3, false, "2026-02-12T11:00");

		long r4 = post("alice", true, "sql", "2026-02-17T09:00");
		long o4 = offer("dave", r4, "2026-02-17T09:20");
		resolve("alice", r4, o4, "2026-02-17T10:00");
		thank("alice", "dave", r4, true, "2026-02-17T10:05");
		act("alice", r4, Action.REOPEN, "2026-02-18T09:00");

		long r12 = post("maria", false, "kubernetes", "2026-02-19T09:00");
		long o12 = offer("marco", r12, "2026-02-19T09:45");
		resolve("maria", r12, o12, "2026-02-19T11:00");

		long r13 = post("marco", false, "spring", "2026-02-20T09:00");
		offer("frank", r13, "2026-02-22T08:00");
		act("marco", r13, Action.CANCEL, "2026-02-22T09:00");

		long r6 = post("erin", false, "kotlin", "2026-02-25T09:00");
		act("erin", r6, Action.CANCEL, "2026-02-25T10:00");

		long r7 = post("grace", false, "leadership", "2026-02-26T09:00");
		act("maria", r7, Action.CLAIM, "2026-02-26T10:00");

		post("dave", false, "kotlin", "2026-02-27T09:00");

		post("carol", false, "sql", "2026-03-02T09:00");
		post("alice", false, "java", "2026-03-04T08:00");
		thank("bob", "marco", null, true, "2026-03-03T10:00");
		assertThat(r8).isPositive();
	}

	// the figures, worked out by hand

	static void assertFigures(JsonNode report) {
		JsonNode period = report.get("period");
		assertThat(period.get("from").asString()).isEqualTo("2026-02-02");
		assertThat(period.get("to").asString()).isEqualTo("2026-03-01");
		assertThat(period.get("team").isNull()).isTrue();
		assertThat(period.get("firstResponseTargetHours").asLong()).isEqualTo(24);
		assertThat(period.get("privacyFloor").asInt()).isEqualTo(3);

		// Posted in the period: R1 R2 R3 R4 R5 R6 R7 R11 R12 R13; resolved R1 R2 R3 R11
		// R12; cancelled R6 R13; still open R4 (reopened) R5 R7 (claimed).
		JsonNode requests = report.get("requests");
		assertThat(requests.get("suppressed").asBoolean()).isFalse();
		assertThat(longs(requests, "posted", "resolved", "cancelled", "stillOpen", "anonymous")).containsExactly(10L,
				5L, 2L, 3L, 1L);
		assertThat(rows(requests.get("byTopic"), "topic", "posted", "resolved", "cancelled", "stillOpen"))
			.containsExactly("java 3 3 0 0", "kotlin 2 0 1 1", "sql 2 1 0 1", "kubernetes 1 1 0 0",
					"leadership 1 0 0 1", "spring 1 0 1 0");

		// First response (minutes): R4 20, R11 30, R12 45, R1 60, R2 240, R13 2820, R3
		// 2880: median 60; p90 at 0.9 * 6 = 5.4 -> 2820 + 0.4 * 60 = 2844. Claim: R1 30,
		// R7 60, R3 600: median 60; p90 at 1.8 -> 60 + 0.8 * 540 = 492. Resolution
		// (resolved now): R11 60, R12 120, R1 180, R2 1440, R3 2940: median 180; p90 at
		// 3.6 -> 1440 + 0.6 * 1500 = 2340.
		JsonNode responsiveness = report.get("responsiveness");
		assertThat(responsiveness.get("suppressed").asBoolean()).isFalse();
		assertDurations(responsiveness.get("firstResponse"), 7, 60, 2844);
		assertDurations(responsiveness.get("claim"), 3, 60, 492);
		assertDurations(responsiveness.get("resolution"), 5, 180, 2340);
		// Within 24 h: R1 R2 R4 R11 R12 met; R3 (48 h) and R13 (47 h) late; R5 and R7
		// still without an offer after 24 h; R6 cancelled after 1 h without an offer is
		// left out: 5 of 9.
		assertShare(responsiveness.get("withinTarget"), 5, 9, 0.5556);
		// Reopened: R4, of the 7 ever answered or resolved (R1 R2 R3 R4 R11 R12 R13).
		assertShare(responsiveness.get("reopened"), 1, 7, 0.1429);

		// Open and unclaimed now: R9 (4 h), R10 (2 days), R5 (5 days), R4 and R8 (over 7
		// days); R7's claim has had no offer for 6 days.
		JsonNode backlog = report.get("backlog");
		assertThat(backlog.get("suppressed").asBoolean()).isFalse();
		assertThat(backlog.get("unclaimedOpen").asLong()).isEqualTo(5);
		assertThat(rows(backlog.get("ageBuckets"), "bucket", "count")).containsExactly("lt1d 1", "1to3d 1", "3to7d 1",
				"gt7d 2");
		assertThat(backlog.get("staleClaims").asLong()).isEqualTo(1);

		// Platform (alice bob carol maria): all four asked (R1 R2 R3 R11 R12; R4 is
		// anonymous), three for the first time (bob asked in January). Mobile (2 askers)
		// and Data (1 asker) are below the floor.
		JsonNode teams = report.get("teams");
		assertThat(rows(teams.get("rows"), "team", "members", "suppressed", "askers", "askedShare", "firstTimeAskers",
				"requests", "requestsPerMember"))
			.containsExactly("Data 2 true null null null null null", "Mobile 2 true null null null null null",
					"Platform 4 false 4 1.0 3 5 1.25");
		// Platform x java: alice, bob, carol; every other cell has fewer than 3 askers.
		assertThat(rows(teams.get("byTopic"), "team", "topic", "suppressed", "requests")).containsExactly(
				"Data spring true null", "Mobile kotlin true null", "Platform java false 3",
				"Platform kubernetes true null", "Platform sql true null");
		// One manager, who asked once: below the floor.
		assertThat(rows(List.of(teams.get("leaders")), "managers", "suppressed", "managersWhoAsked", "requests"))
			.containsExactly("1 true null null");

		// maria: claims R1 R3 R7, offers R1 R11 R3 (R1 and R3 accepted), thanked once
		// (R1: carol's note for R3 is private), holds R7 (stale). marco: offers R2 R12
		// (R12 accepted); the March thank-you is outside the period. dave: offer R4 (no
		// longer accepted after the reopen); alice's note for R4 does not count towards
		// him (R4 is anonymous). frank: offer R13.
		assertThat(rows(report.get("helpers"), "username", "displayName", "team", "claims", "offers", "acceptedAnswers",
				"thanksReceived", "openClaims", "staleClaims"))
			.containsExactly("maria Maria Test Platform 3 3 2 1 1 1", "marco Marco Test Data 0 2 1 0 0 0",
					"dave Dave Test Mobile 0 1 0 0 0 0", "frank Frank Test Data 0 1 0 0 0 0");

		// Notes in the period, organisation-wide: two public, one private; of the 5
		// resolved requests, R1 and R3 were thanked.
		JsonNode gratitude = report.get("gratitude");
		assertThat(longs(gratitude, "notes", "publicNotes", "privateNotes")).containsExactly(3L, 2L, 1L);
		assertShare(gratitude.get("resolvedWithThanks"), 2, 5, 0.4);

		// Asked (named): alice bob carol maria marco erin grace dave = 8; helped: maria
		// marco dave frank = 4; both: maria marco dave = 3; either: 9.
		JsonNode reciprocity = report.get("reciprocity");
		assertThat(reciprocity.get("suppressed").asBoolean()).isFalse();
		assertThat(longs(reciprocity, "askers", "helpers", "both", "people")).containsExactly(8L, 4L, 3L, 9L);
		assertThat(reciprocity.get("share").asDouble()).isCloseTo(0.3333, within(0.00001));

		// Weeks: 02-02 R1 R2 R11 (resolved R1 R2 R11; medians of 60 240 30); 02-09 R3;
		// 02-16 R4 R12 R13 (resolved R12; medians of 20 45 2820); 02-23 R6 R7 R5, no
		// offers.
		assertThat(rows(report.get("weekly"), "weekStart", "suppressed", "posted", "resolved",
				"medianFirstResponseMinutes"))
			.containsExactly("2026-02-02 false 3 3 60.0", "2026-02-09 false 1 1 2880.0", "2026-02-16 false 3 1 45.0",
					"2026-02-23 false 3 0 null");
	}

	/**
	 * Narrowed to Mobile (dave and erin asked): every figure about asking is suppressed.
	 */
	static void assertMobileSuppressed(JsonNode report) {
		assertThat(report.get("requests").get("suppressed").asBoolean()).isTrue();
		assertThat(report.get("requests").get("posted").isNull()).isTrue();
		assertThat(rows(report.get("requests").get("byTopic"), "topic", "suppressed", "posted"))
			.containsExactly("kotlin true null");
		assertThat(report.get("responsiveness").get("suppressed").asBoolean()).isTrue();
		assertThat(report.get("responsiveness").get("firstResponse").isNull()).isTrue();
		assertThat(report.get("gratitude").get("suppressed").asBoolean()).isTrue();
		assertThat(report.get("reciprocity").get("suppressed").asBoolean()).isTrue();
		assertThat(report.get("weekly")).allSatisfy((w) -> {
			assertThat(w.get("suppressed").asBoolean()).isTrue();
			assertThat(w.get("posted").isNull()).isTrue();
		});
		assertThat(rows(report.get("teams").get("rows"), "team", "members", "suppressed", "askers"))
			.containsExactly("Mobile 2 true null");
		assertThat(rows(report.get("teams").get("byTopic"), "team", "topic", "suppressed", "requests"))
			.containsExactly("Mobile kotlin true null");
		// dave still helps by name.
		assertThat(rows(report.get("helpers"), "username", "offers")).containsExactly("dave 1");
	}

	/**
	 * Narrowed to Platform: alice's anonymous R4 is never counted towards her team,
	 * though she is in it.
	 */
	static void assertPlatformWithoutAnonymous(JsonNode report) {
		JsonNode requests = report.get("requests");
		assertThat(longs(requests, "posted", "resolved", "cancelled", "stillOpen", "anonymous")).containsExactly(5L, 5L,
				0L, 0L, 0L);
		assertThat(rows(requests.get("byTopic"), "topic", "suppressed", "posted")).containsExactly("java false 3",
				"kubernetes true null", "sql true null");
		// Open, unclaimed, named: R8 (bob), R9 (alice), R10 (carol); R4 is anonymous.
		assertThat(report.get("backlog").get("unclaimedOpen").asLong()).isEqualTo(3);
		assertThat(rows(report.get("weekly"), "weekStart", "suppressed", "posted")).containsExactly(
				"2026-02-02 false 3", "2026-02-09 true null", "2026-02-16 true null", "2026-02-23 true null");
	}

	// playing it through the services

	long post(String author, boolean anonymous, String topic, String at) {
		RequestDraft draft = new RequestDraft("Help with " + topic + " please", "Details of the " + topic + " problem.",
				null, List.of(topic), null, anonymous);
		return this.requests.post(author, draft, at(at)).id();
	}

	void act(String username, long id, Action action, String at) {
		this.requests.act(username, id, action, at(at), (action == Action.REOPEN) ? "It came back." : null, null);
	}

	long offer(String helper, long id, String at) {
		RequestView view = this.requests.act(helper, id, Action.OFFER, at(at), "Here is how I would do it.", null);
		return view.offers().get(view.offers().size() - 1).id();
	}

	void resolve(String author, long id, Long acceptedOfferId, String at) {
		this.requests.act(author, id, Action.RESOLVE, at(at), null, acceptedOfferId);
	}

	void thank(String from, String to, Long requestId, boolean publicNote, String at) {
		this.thanks.send(from, new ThanksDraft(to, "Thank you for the help!", requestId, publicNote), at(at));
	}

	private static Instant at(String localUtc) {
		return Instant.parse(localUtc + ":00Z");
	}

	// reading JSON

	private static void assertDurations(JsonNode durations, long count, double median, double p90) {
		assertThat(durations.get("count").asLong()).isEqualTo(count);
		assertThat(durations.get("medianMinutes").asDouble()).isCloseTo(median, within(0.05));
		assertThat(durations.get("p90Minutes").asDouble()).isCloseTo(p90, within(0.05));
	}

	private static void assertShare(JsonNode share, long count, long of, double fraction) {
		assertThat(share.get("count").asLong()).isEqualTo(count);
		assertThat(share.get("of").asLong()).isEqualTo(of);
		assertThat(share.get("share").asDouble()).isCloseTo(fraction, within(0.00001));
	}

	private static List<Long> longs(JsonNode node, String... fields) {
		List<Long> values = new ArrayList<>();
		for (String field : fields) {
			assertThat(node.has(field)).as(field).isTrue();
			values.add(node.get(field).isNull() ? null : node.get(field).asLong());
		}
		return values;
	}

	/**
	 * Each element as its fields' values joined by spaces ("null" for null), to compare
	 * whole tables at once.
	 */
	static List<String> rows(Iterable<JsonNode> array, String... fields) {
		List<String> rows = new ArrayList<>();
		for (JsonNode row : array) {
			List<String> cells = new ArrayList<>();
			for (String field : fields) {
				assertThat(row.has(field)).as(field).isTrue();
				JsonNode value = row.get(field);
				cells.add(value.isNull() ? "null" : value.asString());
			}
			rows.add(String.join(" ", cells));
		}
		return rows;
	}

}
