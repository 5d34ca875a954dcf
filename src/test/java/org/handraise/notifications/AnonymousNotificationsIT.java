package org.handraise.notifications;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.GRACE;
import static org.handraise.support.DemoCast.MARCO;
import static org.handraise.support.DemoCast.MARIA;
import static org.handraise.support.DemoCast.OLGA;

/**
 * An anonymous request's author appears in nobody's notifications but their own: alice
 * asks anonymously twice, mentors hear of the requests, maria and marco claim, offer, are
 * released, resolved (one accepted), reopened, cancelled and thanked. Every kind that
 * reaches someone else is swept, over the API and on the inbox page, for alice's name and
 * username; the manager and the administrator hear nothing.
 */
class AnonymousNotificationsIT extends PostgresIntegrationTest {

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE.inTeam("Platform"), BOB, MARIA.withSkills("sql"), MARCO.withSkills("sql"), GRACE, OLGA);
	}

	@Test
	void noNotificationNamesTheAnonymousAuthorToAnyoneElse() {
		long first = post();
		long second = post();
		ok(this.api.post("/api/requests/" + first + "/claim", "maria", PASSWORD, Map.of()));
		long offer = this.api
			.post("/api/requests/" + first + "/offers", "maria", PASSWORD, Map.of("message", "Use a partial index."))
			.json()
			.get("id")
			.asLong();
		ok(this.api.post("/api/requests/" + first + "/offers", "marco", PASSWORD,
				Map.of("message", "Or drop it in a repeatable migration.")));
		ok(this.api.post("/api/requests/" + first + "/resolve", "alice", PASSWORD, Map.of("acceptedOfferId", offer)));
		ok(this.api.post("/api/thanks", "alice", PASSWORD,
				Map.of("to", "maria", "message", "That did it, thank you!", "requestId", first)));
		ok(this.api.post("/api/requests/" + first + "/reopen", "alice", PASSWORD,
				Map.of("reason", "It fails again on the staging database.")));
		ok(this.api.post("/api/requests/" + second + "/claim", "marco", PASSWORD, Map.of()));
		ok(this.api.post("/api/requests/" + second + "/release", "marco", PASSWORD, Map.of()));
		ok(this.api.post("/api/requests/" + second + "/offers", "maria", PASSWORD, Map.of("message", "Try VACUUM.")));
		ok(this.api.post("/api/requests/" + second + "/cancel", "alice", PASSWORD, Map.of()));
		awaitListeners();

		Set<String> kindsOthersGot = new LinkedHashSet<>();
		for (String other : List.of("maria", "marco", "bob", "grace", "olga")) {
			Api.Response inbox = this.api.get("/api/notifications?size=100", other, PASSWORD);
			assertThat(inbox.status()).isEqualTo(200);
			assertThat(inbox.body()).as(other + "'s inbox over the API").doesNotContainIgnoringCase("alice");
			inbox.json().get("content").forEach((n) -> kindsOthersGot.add(n.get("kind").asString()));
			PageClient.Response page = PageClient.signedIn(baseUrl(), other, PASSWORD).get("/notifications");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).as(other + "'s inbox page").doesNotContainIgnoringCase("alice");
		}
		assertThat(kindsOthersGot).containsExactlyInAnyOrder("REQUEST_MATCHES_SKILLS", "REQUEST_RESOLVED",
				"THANKS_RECEIVED", "REQUEST_REOPENED", "REQUEST_CANCELLED");
		assertThat(this.api.get("/api/notifications", "grace", PASSWORD).json().get("totalElements").asLong()).isZero();
		assertThat(this.api.get("/api/notifications", "maria", PASSWORD).body())
			.contains("The person who asked resolved")
			.contains("The person who asked thanked you");

		// alice herself hears what others did, by their names
		Api.Response mine = this.api.get("/api/notifications?size=100", "alice", PASSWORD);
		assertThat(mine.body()).contains("Maria Test claimed your request").contains("Marco Test offered help");
	}

	private long post() {
		Api.Response posted = this.api.post("/api/requests", "alice", PASSWORD,
				Map.of("title", "Our migration fails on a duplicate index", "details",
						"Flyway stops with 'relation already exists' on PostgreSQL.", "topics", List.of("sql"),
						"anonymous", true));
		assertThat(posted.status()).isEqualTo(201);
		return posted.json().get("id").asLong();
	}

	private static void ok(Api.Response response) {
		assertThat(response.status()).as(response.body()).isBetween(200, 201);
	}

}
