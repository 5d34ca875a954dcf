package org.handraise.home.web;

import java.sql.Timestamp;
import java.util.List;

import org.handraise.requests.RequestCommands;
import org.handraise.requests.OfferDraft;
import org.handraise.requests.RequestDraft;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.GRACE;
import static org.handraise.support.DemoCast.MARIA;

/**
 * The home page's "since your last visit": what happened to the person's requests, claims
 * and thanks since the visit before this one (a visit is a session), the same list while
 * the visit lasts, nothing named that would name the author of an anonymous request, and
 * the time of a visit written at most every few minutes.
 */
class HomeSinceLastVisitIT extends PostgresIntegrationTest {

	private static final String TITLE = "Flyway migration V7 fails on PostgreSQL with a duplicate index";

	private static final String DETAILS = "Since Monday the V7 migration stops with relation already exists.";

	@Autowired
	private RequestCommands requests;

	@Autowired
	private ThanksService thanks;

	@BeforeEach
	void people() {
		seed(ALICE, MARIA.withSkills("java", "sql"), GRACE);
	}

	@Test
	void anOfferOnMyRequestShowsOnMyNextVisitAndOnlyUntilTheVisitAfter() {
		long id = post("alice", false);
		String first = PageClient.signedIn(baseUrl(), "alice", PASSWORD).get("/").body();
		assertThat(section(first)).contains("Your first visit", "Nothing new since your last visit.");

		this.requests.offer("maria", id, new OfferDraft("Drop the old index in the same migration first."));

		String next = PageClient.signedIn(baseUrl(), "alice", PASSWORD).get("/").body();
		assertThat(section(next))
			.contains("You were last here", TITLE, "Maria Test offered help.", "href=\"/requests/" + id + "\"")
			.doesNotContain("Nothing new");

		String after = PageClient.signedIn(baseUrl(), "alice", PASSWORD).get("/").body();
		assertThat(section(after)).contains("Nothing new since your last visit.").doesNotContain(TITLE);
	}

	@Test
	void theListStaysPutWhileTheVisitLasts() {
		long id = post("alice", false);
		PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		this.requests.offer("maria", id, new OfferDraft("Drop the old index in the same migration first."));
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);

		assertThat(section(alice.get("/").body())).contains("Maria Test offered help.");
		assertThat(section(alice.get("/").body())).as("a reload in the same visit")
			.contains("Maria Test offered help.");
	}

	@Test
	void aMentorSeesTheirClaimResolvedAndTheThanksWithoutTheAnonymousAuthorsName() {
		long id = post("alice", true);
		PageClient.signedIn(baseUrl(), "maria", PASSWORD);
		this.requests.claim("maria", id);
		this.requests.offer("maria", id, new OfferDraft("Drop the old index in the same migration first."));
		this.requests.resolve("alice", id, null);
		this.thanks.send("alice", new ThanksDraft("maria", "Fixed in five minutes, thank you!", id, false));

		String home = PageClient.signedIn(baseUrl(), "maria", PASSWORD).get("/").body();

		assertThat(section(home)).contains(TITLE, "You claimed this request, and it is resolved now.",
				"The person who asked thanked you.", "Fixed in five minutes, thank you!");
		assertThat(home).doesNotContain("Alice Test", "alice");
	}

	@Test
	void theAuthorOfAnAnonymousRequestSeesWhoOfferedHelp() {
		long id = post("alice", true);
		PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		this.requests.offer("maria", id, new OfferDraft("Drop the old index in the same migration first."));

		assertThat(section(PageClient.signedIn(baseUrl(), "alice", PASSWORD).get("/").body())).contains(TITLE,
				"Maria Test offered help.");
	}

	@Test
	void myOwnCardsDoNotSayTheyAreByMe() {
		post("alice", false);
		String home = PageClient.signedIn(baseUrl(), "alice", PASSWORD).get("/").body();
		assertThat(home).contains(TITLE).doesNotContain("by Alice Test");
	}

	@Test
	void aVisitIsNotedOnceAtItsStartAndThenAtMostEveryFewMinutes() {
		assertThat(lastSeen("alice")).isNull();
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		Timestamp noted = lastSeen("alice");
		long version = this.jdbc.queryForObject("select version from people where username = 'alice'", Long.class);
		assertThat(noted).isNotNull();

		alice.get("/");
		alice.get("/");

		assertThat(lastSeen("alice")).as("not written again within minutes").isEqualTo(noted);
		assertThat(this.jdbc.queryForObject("select version from people where username = 'alice'", Long.class))
			.as("a visit is no change of the person")
			.isEqualTo(version);

		PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		assertThat(lastSeen("alice")).as("a new visit is noted").isAfter(noted);
	}

	@Test
	void aManagersHomeShowsThisWeeksHeadlinesUnderThePrivacyFloorAndLinksToTheStatistics() {
		post("alice", false);
		String manager = PageClient.signedIn(baseUrl(), "grace", PASSWORD).get("/").body();
		assertThat(manager).contains("This week at a glance", "Requests posted", "Median first response",
				"href=\"/stats\"");
		// the figures as the statistics give them (with their privacy floor): one
		// request, no response yet
		assertThat(manager.substring(manager.indexOf("id=\"week-h\""), manager.indexOf("id=\"mine-h\"")))
			.containsPattern("Requests posted</dt>\\s*<dd[^>]*>1</dd>")
			.containsPattern("Median first response</dt>\\s*<dd[^>]*>\u2013</dd>");

		String employee = PageClient.signedIn(baseUrl(), "alice", PASSWORD).get("/").body();
		assertThat(employee).doesNotContain("This week at a glance", "href=\"/stats\"");
	}

	private long post(String author, boolean anonymous) {
		return this.requests
			.post(author,
					new RequestDraft(TITLE, DETAILS, "Dropped the index by hand", List.of("sql"), "NORMAL", anonymous))
			.id();
	}

	private Timestamp lastSeen(String username) {
		return this.jdbc.queryForObject("select last_seen_at from people where username = ?", Timestamp.class,
				username);
	}

	/** The "since your last visit" section of a home page. */
	private static String section(String home) {
		int start = home.indexOf("aria-labelledby=\"since-h\"");
		assertThat(start).as("the home page has a \"since your last visit\" section").isPositive();
		return home.substring(start, home.indexOf("</section>", start));
	}

}
