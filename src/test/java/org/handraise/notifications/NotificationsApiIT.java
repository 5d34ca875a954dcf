package org.handraise.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.handraise.support.Api;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.GINA;
import static org.handraise.support.DemoCast.MARCO;
import static org.handraise.support.DemoCast.MARIA;

/**
 * The help loop tells people over the API, on PostgreSQL: alice posts, maria claims
 * (alice hears {@code REQUEST_CLAIMED}), maria offers ({@code OFFER_POSTED}), alice
 * resolves accepting it and thanks maria (maria hears {@code REQUEST_RESOLVED} and
 * {@code THANKS_RECEIVED}); mentors with a matching skill hear of the new request; nobody
 * hears of their own action; someone else's notification is not found.
 */
class NotificationsApiIT extends PostgresIntegrationTest {

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, MARIA.withSkills("java", "sql"), MARCO, GINA);
	}

	@Test
	void theHelpLoopTellsEachPersonWhatOthersDid() {
		long id = post("alice", false);
		awaitListeners();
		assertThat(kinds("marco")).containsExactly("REQUEST_MATCHES_SKILLS");
		assertThat(kinds("maria")).containsExactly("REQUEST_MATCHES_SKILLS");
		assertThat(kinds("gina")).isEmpty();
		assertThat(kinds("alice")).isEmpty();

		assertThat(this.api.post("/api/requests/" + id + "/claim", "maria", PASSWORD, Map.of()).status())
			.isEqualTo(200);
		awaitListeners();
		JsonNode inbox = inbox("alice", "");
		assertThat(inbox.get("unreadCount").asLong()).isEqualTo(1);
		assertThat(inbox.get("totalElements").asLong()).isEqualTo(1);
		JsonNode claimed = inbox.get("content").get(0);
		assertThat(claimed.get("kind").asString()).isEqualTo("REQUEST_CLAIMED");
		assertThat(claimed.get("requestId").asLong()).isEqualTo(id);
		assertThat(claimed.get("read").asBoolean()).isFalse();
		assertThat(claimed.get("text").asString())
			.isEqualTo("Maria Test claimed your request \u201cFlyway fails on a duplicate index\u201d.");

		Api.Response offered = this.api.post("/api/requests/" + id + "/offers", "maria", PASSWORD,
				Map.of("message", "Drop the index in a repeatable migration first."));
		assertThat(offered.status()).isEqualTo(201);
		long offerId = offered.json().get("id").asLong();
		awaitListeners();
		assertThat(kinds("alice")).containsExactly("OFFER_POSTED", "REQUEST_CLAIMED");
		assertThat(inbox("alice", "").get("content").get(0).get("detail").asString())
			.isEqualTo("Drop the index in a repeatable migration first.");

		assertThat(
				this.api.post("/api/requests/" + id + "/resolve", "alice", PASSWORD, Map.of("acceptedOfferId", offerId))
					.status())
			.isEqualTo(200);
		assertThat(this.api
			.post("/api/thanks", "alice", PASSWORD,
					Map.of("to", "maria", "message", "Thanks, it works!", "requestId", id))
			.status()).isEqualTo(201);
		awaitListeners();
		assertThat(kinds("maria")).containsExactly("THANKS_RECEIVED", "REQUEST_RESOLVED", "REQUEST_MATCHES_SKILLS");
		JsonNode maria = inbox("maria", "").get("content");
		assertThat(maria.get(1).get("text").asString())
			.isEqualTo("Alice Test resolved \u201cFlyway fails on a duplicate index\u201d and accepted your answer.");
		assertThat(maria.get(0).get("text").asString())
			.isEqualTo("Alice Test thanked you for your help with \u201cFlyway fails on a duplicate index\u201d.");
		// nobody hears of their own action
		assertThat(kinds("alice")).containsExactly("OFFER_POSTED", "REQUEST_CLAIMED");
	}

	@Test
	void readingMarksOnlyMyOwnAndSomeoneElsesIsNotFound() {
		long id = post("alice", false);
		this.api.post("/api/requests/" + id + "/claim", "maria", PASSWORD, Map.of());
		awaitListeners();
		long notification = inbox("alice", "").get("content").get(0).get("id").asLong();

		Api.Response notMine = this.api.post("/api/notifications/" + notification + "/read", "bob", PASSWORD, Map.of());
		assertThat(notMine.status()).isEqualTo(404);
		assertThat(notMine.contentType()).startsWith("application/problem+json");
		assertThat(inbox("alice", "?unread=true").get("totalElements").asLong()).isEqualTo(1);

		assertThat(this.api.post("/api/notifications/" + notification + "/read", "alice", PASSWORD, Map.of()).status())
			.isEqualTo(204);
		JsonNode after = inbox("alice", "");
		assertThat(after.get("unreadCount").asLong()).isZero();
		assertThat(after.get("content").get(0).get("read").asBoolean()).isTrue();
		assertThat(inbox("alice", "?unread=true").get("content")).isEmpty();

		assertThat(this.api.post("/api/notifications/read-all", "maria", PASSWORD, Map.of()).status()).isEqualTo(204);
		assertThat(inbox("maria", "").get("unreadCount").asLong()).isZero();
		assertThat(this.api.get("/api/notifications", null, null).status()).isEqualTo(401);
	}

	@Test
	void settingsHaveDefaultsAndRefuseWhatIsNotADelivery() {
		JsonNode defaults = this.api.get("/api/me/notification-settings", "alice", PASSWORD).json();
		assertThat(defaults.get("myRequests").asString()).isEqualTo("IMMEDIATE");
		assertThat(defaults.get("helping").asString()).isEqualTo("IMMEDIATE");
		assertThat(defaults.get("skillMatches").asString()).isEqualTo("DAILY");
		assertThat(defaults.get("thanks").asString()).isEqualTo("IMMEDIATE");

		Api.Response bad = this.api.send("PUT", "/api/me/notification-settings", "alice", PASSWORD,
				Map.of("myRequests", "HOURLY", "helping", "OFF", "thanks", "WEEKLY"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.body()).contains("myRequests").contains("skillMatches").contains("HOURLY");
		assertThat(this.api.get("/api/me/notification-settings", "alice", PASSWORD).json().get("helping").asString())
			.isEqualTo("IMMEDIATE");

		Api.Response ok = this.api.send("PUT", "/api/me/notification-settings", "alice", PASSWORD,
				Map.of("myRequests", "daily", "helping", "OFF", "skillMatches", "WEEKLY", "thanks", "IMMEDIATE"));
		assertThat(ok.status()).isEqualTo(200);
		JsonNode saved = this.api.get("/api/me/notification-settings", "alice", PASSWORD).json();
		assertThat(saved.get("myRequests").asString()).isEqualTo("DAILY");
		assertThat(saved.get("helping").asString()).isEqualTo("OFF");
		assertThat(saved.get("skillMatches").asString()).isEqualTo("WEEKLY");
		assertThat(this.api.get("/api/me/notification-settings", "bob", PASSWORD).json().get("helping").asString())
			.isEqualTo("IMMEDIATE");
	}

	private long post(String author, boolean anonymous) {
		Api.Response posted = this.api.post("/api/requests", author, PASSWORD,
				Map.of("title", "Flyway fails on a duplicate index", "details",
						"Our V7 migration fails on PostgreSQL with 'relation already exists'.", "topics",
						List.of("sql", "flyway"), "anonymous", anonymous));
		assertThat(posted.status()).isEqualTo(201);
		return posted.json().get("id").asLong();
	}

	private JsonNode inbox(String username, String query) {
		Api.Response response = this.api.get("/api/notifications" + query, username, PASSWORD);
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private List<String> kinds(String username) {
		List<String> kinds = new ArrayList<>();
		inbox(username, "").get("content").forEach((n) -> kinds.add(n.get("kind").asString()));
		return kinds;
	}

}
