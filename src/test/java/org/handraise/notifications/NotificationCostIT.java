package org.handraise.notifications;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.handraise.support.StatementRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.MARIA;

/**
 * What notifications cost, counted statement by statement through the data source (JPA
 * and JDBC alike): a person's first page counts their unread notifications, and the
 * following ones count them again only after they changed (read, or one added); no page
 * reads anything else of notifications, but the profile page reads the email settings
 * once. Posting a request that matches 1,000 mentors' skills costs the request thread
 * exactly what posting one that matches one mentor costs: the fan-out happens after the
 * commit, on another thread, in a constant number of statements. A claim costs its own
 * thread 19 statements (one the outbox's, none for live updates) and is told to its
 * author in six more, two of them the event publication registry's.
 */
@Import(StatementRecorder.Config.class)
class NotificationCostIT extends PostgresIntegrationTest {

	private static final int MENTORS = 1000;

	/** The badge and its count (group 2), hidden (group 1) at none. */
	private static final Pattern BADGE = Pattern
		.compile("data-unread-count(?:=\"\")?(\\s+hidden(?:=\"hidden\")?)?\\s*>(\\d+\\+?)<");

	@Autowired
	private StatementRecorder recorder;

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, MARIA.withSkills("java"));
	}

	@Test
	void theUnreadCountIsReadOnceUntilItChangesAndTheProfileReadsItsSettingsOnce() {
		long id = post("java");
		awaitListeners();
		this.recorder.clear();
		PageClient maria = PageClient.signedIn(baseUrl(), "maria", PASSWORD);
		assertThat(StatementRecorder.touching(this.recorder.byRequestThreads(), "notifications"))
			.as("signing in shows the home page, which counts")
			.isEqualTo(1);
		for (String path : List.of("/", "/requests", "/requests/" + id, "/thanks", "/people", "/mentor")) {
			assertThat(countsOn(maria, path, 1)).as(path + ": the count is kept").isZero();
		}
		this.recorder.clear();
		assertThat(maria.get("/profile").status()).isEqualTo(200);
		List<String> profile = this.recorder.byRequestThreads();
		assertThat(StatementRecorder.touching(profile, "notifications")).as(profile.toString()).isZero();
		assertThat(StatementRecorder.touching(profile, "notification_settings")).isEqualTo(1);

		this.recorder.clear();
		assertThat(maria.get("/notifications").status()).isEqualTo(200);
		assertThat(StatementRecorder.touching(this.recorder.byRequestThreads(), "notifications"))
			.as("the inbox: its page and its own count of the unread; no total while the first page is not full")
			.isEqualTo(2);

		assertThat(this.api.post("/api/notifications/read-all", "maria", PASSWORD, Map.of()).status()).isEqualTo(204);
		assertThat(countsOn(maria, "/requests", 0)).as("read: counted again, once").isEqualTo(1);
		assertThat(countsOn(maria, "/thanks", 0)).isZero();

		post("java");
		awaitListeners();
		assertThat(countsOn(maria, "/people", 1)).as("a new notification: counted again, once").isEqualTo(1);
		assertThat(countsOn(maria, "/", 1)).isZero();
	}

	/**
	 * Opens a page and returns how many of its statements read notifications, checking
	 * the navigation bar shows {@code unread}.
	 */
	private int countsOn(PageClient client, String path, int unread) {
		this.recorder.clear();
		PageClient.Response page = client.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		Matcher badge = BADGE.matcher(page.body());
		assertThat(badge.find()).as(path + ": the navigation bar's unread badge").isTrue();
		assertThat(Integer.parseInt(badge.group(2))).as(path + ": unread").isEqualTo(unread);
		List<String> sent = this.recorder.byRequestThreads();
		assertThat(StatementRecorder.touching(sent, "notification_settings")).as(path).isZero();
		return (int) StatementRecorder.touching(sent, "notifications");
	}

	@Test
	void postingARequestThatMatchesAThousandMentorsCostsThePostNothingMore() {
		Cost one = postAndCount("java");
		this.jdbc.update("""
				insert into people (username, display_name, email, password_hash, active, must_change_password,
				    created_at, version)
				select 'mentor' || n, 'Mentor ' || n, 'mentor' || n || '@example.com', 'x', true, false, now(), 0
				from generate_series(1, ?) n""", MENTORS);
		this.jdbc.update("""
				insert into person_roles (person_id, role)
				select id, r from people, (values ('EMPLOYEE'), ('MENTOR')) roles(r) where username like 'mentor%'""");
		this.jdbc.update("""
				insert into person_skills (person_id, skill)
				select id, 'kotlin' from people where username like 'mentor%'""");
		Cost thousand = postAndCount("kotlin");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notifications where kind = 'REQUEST_MATCHES_SKILLS' and recipient like 'mentor%'",
				Integer.class))
			.isEqualTo(MENTORS);
		assertThat(thousand.post()).as("statements of the post that matches 1,000 mentors against one")
			.isEqualTo(one.post());
		assertThat(thousand.fanOut()).as("statements of the fan-out after the commit, 1,000 mentors against one")
			.isEqualTo(one.fanOut());
	}

	@Test
	void aClaimIsNotifiedInAFixedNumberOfStatements() {
		long id = post("java");
		awaitListeners();
		this.recorder.clear();
		assertThat(this.api.post("/api/requests/" + id + "/claim", "maria", PASSWORD, Map.of()).status())
			.isEqualTo(200);
		List<String> claim = this.recorder.byRequestThreads();
		awaitListeners();
		assertThat(StatementRecorder.touching(claim, "event_publication"))
			.as("the outbox: the event stored with the claim")
			.isEqualTo(1);
		assertThat(StatementRecorder.touching(claim, "pg_notify")).as("live updates go after the commit").isZero();
		assertThat(claim).as("the claim over the API, HTTP Basic: %s", claim).hasSize(19);
		List<String> fanOut = this.recorder.byListenerThreads();
		assertThat(fanOut).as(fanOut.toString()).hasSize(6);
		assertThat(StatementRecorder.touching(fanOut, "event_publication"))
			.as("the registry marks the publication processing, then completed")
			.isEqualTo(2);
		assertThat(StatementRecorder.touching(fanOut, "people")).as("the author's and the claimer's names, addresses")
			.isEqualTo(1);
		assertThat(StatementRecorder.touching(fanOut, "notifications")).as("one insert, which hands back the ids")
			.isEqualTo(1);
		assertThat(StatementRecorder.touching(fanOut, "notification_settings")).isEqualTo(1);
		assertThat(StatementRecorder.touching(fanOut, "mail_deliveries")).isEqualTo(1);
		assertThat(StatementRecorder.touching(fanOut, "pg_notify"))
			.as("the author's unread count goes live after the commit, gathered with others'")
			.isZero();
	}

	private Cost postAndCount(String topic) {
		awaitListeners();
		this.recorder.clear();
		post(topic);
		int onRequestThread = this.recorder.byRequestThreads().size();
		awaitListeners();
		return new Cost(onRequestThread, this.recorder.byListenerThreads().size());
	}

	/**
	 * Statements of a post on the request thread, and of its fan-out after the commit.
	 */
	private record Cost(int post, int fanOut) {
	}

	private long post(String topic) {
		Api.Response posted = this.api.post("/api/requests", "alice", PASSWORD,
				Map.of("title", "Gradle build cache misses on CI", "details",
						"Every CI run rebuilds everything although the cache is configured.", "topics",
						List.of(topic)));
		assertThat(posted.status()).isEqualTo(201);
		return posted.json().get("id").asLong();
	}

}
