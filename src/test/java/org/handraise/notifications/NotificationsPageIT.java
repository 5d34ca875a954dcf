package org.handraise.notifications;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.MARIA;

/**
 * The inbox in the browser, without JavaScript: the navigation bar counts the unread
 * notifications on every page; the inbox lists them newest first; opening one marks it
 * read and goes to its request; "mark all as read" empties the count; someone else's
 * notification is not found; the profile's email settings are saved.
 */
class NotificationsPageIT extends PostgresIntegrationTest {

	private static final Pattern BADGE = Pattern
		.compile("data-unread-count(?:=\"\")?(\\s+hidden(?:=\"hidden\")?)?\\s*>(\\d+\\+?)<");

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, MARIA.withSkills("java"));
	}

	@Test
	void theBadgeCountsTheInboxListsAndOpeningMarksRead() {
		long first = post("Gradle cache misses on CI");
		long second = post("Tomcat does not start after the upgrade");
		claim(first);
		claim(second);
		awaitListeners();

		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		for (String path : List.of("/", "/requests", "/thanks", "/profile")) {
			assertThat(badge(alice.get(path).body())).as(path).isEqualTo("2 shown");
		}
		String inbox = alice.get("/notifications").body();
		assertThat(inbox).contains("<title>Notifications · Handraise</title>");
		assertThat(inbox.indexOf("Tomcat does not start")).as("newest first")
			.isLessThan(inbox.indexOf("Gradle cache misses"));
		assertThat(inbox).contains("Maria Test claimed your request").contains("2 unread.");

		long newest = ids(inbox).get(0);
		PageClient.Response opened = alice.post("/notifications/" + newest + "/open", Map.of());
		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.redirectPath()).isEqualTo("/requests/" + second);
		assertThat(badge(alice.follow(opened).body())).isEqualTo("1 shown");

		PageClient bob = PageClient.signedIn(baseUrl(), "bob", PASSWORD);
		assertThat(badge(bob.get("/").body())).isEqualTo("0 hidden");
		assertThat(bob.post("/notifications/" + ids(inbox).get(1) + "/open", Map.of()).status()).isEqualTo(404);
		assertThat(bob.post("/notifications/read-all", Map.of()).status()).isEqualTo(302);
		assertThat(badge(alice.get("/").body())).as("bob's mark-all touched only his").isEqualTo("1 shown");

		PageClient.Response readAll = alice.post("/notifications/read-all", Map.of());
		assertThat(readAll.redirectPath()).isEqualTo("/notifications");
		String after = alice.follow(readAll).body();
		assertThat(after).contains("1 notification marked as read.").contains("Nothing unread.");
		assertThat(badge(after)).isEqualTo("0 hidden");
		assertThat(alice.get("/notifications?unread=true").body()).contains("You have read everything.");
		assertThat(alice.postRaw("/notifications/read-all", Map.of()).status()).as("without a CSRF token")
			.isEqualTo(403);
	}

	@Test
	void theProfileSavesTheEmailSettings() {
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		String profile = alice.get("/profile").body();
		assertThat(profile).contains("Email notifications")
			.containsPattern("<option value=\"DAILY\" selected=\"selected\">Daily digest</option>");
		PageClient.Response saved = alice.post("/profile/notifications",
				Map.of("myRequests", "WEEKLY", "helping", "OFF", "skillMatches", "OFF", "thanks", "DAILY"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/profile#notification-settings");
		assertThat(alice.follow(saved).body()).contains("Your email settings are saved.")
			.contains("<option value=\"WEEKLY\" selected=\"selected\">Weekly digest</option>");
		assertThat(this.api.get("/api/me/notification-settings", "alice", PASSWORD).json().get("thanks").asString())
			.isEqualTo("DAILY");

		PageClient.Response refused = alice.post("/profile/notifications",
				Map.of("myRequests", "HOURLY", "helping", "OFF", "skillMatches", "OFF", "thanks", "DAILY"));
		assertThat(alice.follow(refused).body()).contains("&quot;HOURLY&quot; is not a delivery");
		assertThat(this.api.get("/api/me/notification-settings", "alice", PASSWORD).json().get("myRequests").asString())
			.as("nothing saved")
			.isEqualTo("WEEKLY");
	}

	private long post(String title) {
		Api.Response posted = this.api.post("/api/requests", "alice", PASSWORD, Map.of("title", title, "details",
				"It happens on every run since Monday, also after a clean build.", "topics", List.of("java")));
		assertThat(posted.status()).isEqualTo(201);
		return posted.json().get("id").asLong();
	}

	private void claim(long id) {
		assertThat(this.api.post("/api/requests/" + id + "/claim", "maria", PASSWORD, Map.of()).status())
			.isEqualTo(200);
	}

	/** The badge's number and whether it is shown or hidden. */
	private static String badge(String html) {
		Matcher badge = BADGE.matcher(html);
		assertThat(badge.find()).as("the navigation bar's unread badge").isTrue();
		return badge.group(2) + ((badge.group(1) != null) ? " hidden" : " shown");
	}

	private static List<Long> ids(String html) {
		return Pattern.compile("data-notification-id=\"(\\d+)\"")
			.matcher(html)
			.results()
			.map((m) -> Long.parseLong(m.group(1)))
			.toList();
	}

}
