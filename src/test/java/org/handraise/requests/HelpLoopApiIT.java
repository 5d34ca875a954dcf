package org.handraise.requests;

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
import static org.handraise.support.DemoCast.MARIA;

/**
 * The whole help loop over the API, on PostgreSQL: alice posts, maria claims and answers,
 * alice accepts, resolves and thanks maria; bob cannot change alice's request.
 */
class HelpLoopApiIT extends PostgresIntegrationTest {

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, MARIA.withSkills("java", "spring", "sql"));
	}

	@Test
	void aliceGetsHelpFromMariaAndThanksHer() {
		Api.Response posted = this.api.post("/api/requests", "alice", PASSWORD,
				Map.of("title", "Flyway fails on a duplicate index in PostgreSQL", "details",
						"Our V7 migration fails on PostgreSQL with 'relation already exists'.", "triedSoFar",
						"Dropped the index by hand", "topics", List.of("sql", "flyway"), "urgency", "HIGH"));
		assertThat(posted.status()).isEqualTo(201);
		long id = posted.json().get("id").asLong();
		assertThat(posted.location()).endsWith("/api/requests/" + id);
		assertThat(posted.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(posted.json().get("author").get("username").asString()).isEqualTo("alice");

		assertThat(this.api.post("/api/requests/" + id + "/claim", "bob", PASSWORD, null).status()).isEqualTo(403);
		Api.Response claimed = this.api.post("/api/requests/" + id + "/claim", "maria", PASSWORD, null);
		assertThat(claimed.status()).isEqualTo(200);
		assertThat(claimed.json().get("status").asString()).isEqualTo("CLAIMED");
		assertThat(claimed.json().get("claimedBy").get("username").asString()).isEqualTo("maria");

		Api.Response offer = this.api.post("/api/requests/" + id + "/offers", "maria", PASSWORD,
				Map.of("message", "Use 'create index if not exists' and fix forward in V8."));
		assertThat(offer.status()).isEqualTo(201);
		long offerId = offer.json().get("id").asLong();
		assertThat(offer.json().get("helper").get("username").asString()).isEqualTo("maria");

		assertThat(this.api.post("/api/requests/" + id + "/resolve", "bob", PASSWORD, Map.of()).status())
			.isEqualTo(403);
		Api.Response resolved = this.api.post("/api/requests/" + id + "/resolve", "alice", PASSWORD,
				Map.of("acceptedOfferId", offerId));
		assertThat(resolved.status()).isEqualTo(200);
		JsonNode request = resolved.json();
		assertThat(request.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(request.get("offers").get(0).get("accepted").asBoolean()).isTrue();
		assertThat(request.get("history")).hasSize(4);

		Api.Response thanks = this.api.post("/api/thanks", "alice", PASSWORD,
				Map.of("to", "maria", "message", "Thank you, that fixed it!", "requestId", id, "public", true));
		assertThat(thanks.status()).isEqualTo(201);
		assertThat(thanks.json().get("to").asString()).isEqualTo("maria");
		assertThat(thanks.json().get("public").asBoolean()).isTrue();

		Integer events = this.jdbc.queryForObject("select count(*) from request_events where request_id = ?",
				Integer.class, id);
		assertThat(events).isEqualTo(4);
	}

	@Test
	void offeringOnAResolvedRequestIsAConflictWithAReason() {
		long id = this.api
			.post("/api/requests", "alice", PASSWORD,
					Map.of("title", "How do I rebase onto main?", "details", "My branch is 40 commits behind."))
			.json()
			.get("id")
			.asLong();
		assertThat(this.api.post("/api/requests/" + id + "/resolve", "alice", PASSWORD, null).status()).isEqualTo(200);
		Api.Response refused = this.api.post("/api/requests/" + id + "/offers", "bob", PASSWORD,
				Map.of("message", "Try git rebase -i"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().get("detail").asString()).contains("resolved");
	}

}
