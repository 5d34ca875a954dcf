package org.handraise.requests;

import java.util.Map;

import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.MARIA;

/**
 * Helpers change and withdraw their own offers until they are accepted, and the person
 * who asked reopens a resolved request with a reason, over the API and the pages, on
 * PostgreSQL: bad input is a problem+json 400, the wrong person a 403, the wrong state a
 * 409, and a refused call changes nothing.
 */
class OfferChangesAndReopenApiIT extends PostgresIntegrationTest {

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, MARIA.withSkills("java", "sql"));
	}

	@Test
	void aHelperChangesTheirOfferAndWithdrawingTheOnlyOneMakesTheRequestClaimedAgain() {
		long id = post();
		assertThat(this.api.post("/api/requests/" + id + "/claim", "maria", PASSWORD, null).status()).isEqualTo(200);
		long offer = offer(id, "maria");

		Api.Response edited = this.api.send("PUT", "/api/requests/" + id + "/offers/" + offer, "maria", PASSWORD,
				Map.of("message", "Better: use create index if not exists."));
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.json().get("message").asString()).isEqualTo("Better: use create index if not exists.");
		assertThat(edited.json().get("editedAt").isNull()).isFalse();
		assertThat(edited.json().get("changeable").asBoolean()).isTrue();

		Api.Response withdrawn = this.api.send("DELETE", "/api/requests/" + id + "/offers/" + offer, "maria", PASSWORD,
				null);
		assertThat(withdrawn.status()).isEqualTo(200);
		JsonNode request = withdrawn.json();
		assertThat(request.get("status").asString()).as("maria still holds the claim").isEqualTo("CLAIMED");
		assertThat(request.get("offers")).isEmpty();
		assertThat(request.get("firstResponseAt").isNull()).as("no response left").isTrue();
		JsonNode last = request.get("history").get(request.get("history").size() - 1);
		assertThat(last.get("kind").asString()).isEqualTo("OFFER_WITHDRAWN");
		assertThat(last.get("from").asString()).isEqualTo("ANSWERED");
		assertThat(last.get("to").asString()).isEqualTo("CLAIMED");
		assertThat(request.get("actions").toString()).as("the claimer may still release").contains("RELEASE");
		assertThat(this.jdbc.queryForObject(
				"select first_response_s is null and not reopened from stats_request where request_id = ?",
				Boolean.class, id))
			.as("the statistics agree: not answered, not reopened")
			.isTrue();
	}

	@Test
	void withdrawingTheOnlyOfferOfAnUnclaimedRequestMakesItOpenAgain() {
		long id = post();
		long offer = offer(id, "bob");
		Api.Response withdrawn = this.api.send("DELETE", "/api/requests/" + id + "/offers/" + offer, "bob", PASSWORD,
				null);
		assertThat(withdrawn.status()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(status(id)).isEqualTo("OPEN");
	}

	@Test
	void changingAnOfferIsRefusedWithAProblemAndChangesNothing() {
		long id = post();
		long offer = offer(id, "maria");
		String path = "/api/requests/" + id + "/offers/" + offer;

		Api.Response blank = this.api.send("PUT", path, "maria", PASSWORD, Map.of("message", " "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.isProblem()).isTrue();
		assertThat(blank.body()).contains("message");
		Api.Response tooLong = this.api.send("PUT", path, "maria", PASSWORD, Map.of("message", "x".repeat(2001)));
		assertThat(tooLong.status()).isEqualTo(400);

		Api.Response notHers = this.api.send("PUT", path, "bob", PASSWORD, Map.of("message", "Mine now."));
		assertThat(notHers.status()).isEqualTo(403);
		assertThat(notHers.isProblem()).isTrue();
		assertThat(this.api.send("DELETE", path, "alice", PASSWORD, null).status()).isEqualTo(403);
		assertThat(this.api.send("DELETE", "/api/requests/" + id + "/offers/999999", "maria", PASSWORD, null).status())
			.isEqualTo(404);
		assertThat(message(offer)).isEqualTo("Use create index if not exists.");
		assertThat(this.jdbc.queryForObject("select edited_at is null from offers where id = ?", Boolean.class, offer))
			.isTrue();

		assertThat(
				this.api.post("/api/requests/" + id + "/resolve", "alice", PASSWORD, Map.of("acceptedOfferId", offer))
					.status())
			.isEqualTo(200);
		Api.Response accepted = this.api.send("DELETE", path, "maria", PASSWORD, null);
		assertThat(accepted.status()).isEqualTo(409);
		assertThat(accepted.isProblem()).isTrue();
		assertThat(accepted.json().get("detail").asString()).isEqualTo("This offer is accepted, so it stays as it is.");
		assertThat(this.api.send("PUT", path, "maria", PASSWORD, Map.of("message", "Too late.")).status())
			.isEqualTo(409);
		assertThat(message(offer)).isEqualTo("Use create index if not exists.");
		assertThat(status(id)).isEqualTo("RESOLVED");
	}

	@Test
	void reopeningNeedsAReasonWhichGoesIntoTheHistory() {
		long id = post();
		long offer = offer(id, "maria");
		String reopen = "/api/requests/" + id + "/reopen";

		Api.Response answered = this.api.post(reopen, "alice", PASSWORD, Map.of("reason", "Not solved."));
		assertThat(answered.status()).as("an answered request is still open").isEqualTo(409);
		assertThat(answered.isProblem()).isTrue();

		assertThat(
				this.api.post("/api/requests/" + id + "/resolve", "alice", PASSWORD, Map.of("acceptedOfferId", offer))
					.status())
			.isEqualTo(200);
		int events = events(id);

		for (Object body : new Object[] { null, Map.of(), Map.of("reason", "  "), Map.of("reason", "x".repeat(501)) }) {
			Api.Response bad = this.api.post(reopen, "alice", PASSWORD, body);
			assertThat(bad.status()).as("reason %s", body).isEqualTo(400);
			assertThat(bad.isProblem()).isTrue();
			assertThat(bad.body()).contains("reason");
		}
		assertThat(this.api.post(reopen, "maria", PASSWORD, Map.of("reason", "I want it back.")).status())
			.isEqualTo(403);
		assertThat(status(id)).isEqualTo("RESOLVED");
		assertThat(events(id)).as("nothing half-saved").isEqualTo(events);

		Api.Response reopened = this.api.post(reopen, "alice", PASSWORD,
				Map.of("reason", "It fails again since the upgrade to PostgreSQL 17."));
		assertThat(reopened.status()).isEqualTo(200);
		JsonNode last = reopened.json().get("history").get(events);
		assertThat(last.get("kind").asString()).isEqualTo("REOPENED");
		assertThat(last.get("note").asString()).isEqualTo("It fails again since the upgrade to PostgreSQL 17.");
		JsonNode seen = this.api.get("/api/requests/" + id, "maria", PASSWORD).json().get("history").get(events);
		assertThat(seen.get("note").asString()).as("helpers read the reason")
			.isEqualTo("It fails again since the upgrade to PostgreSQL 17.");
	}

	@Test
	void thePageAsksForTheReasonNextToTheFieldAndKeepsTheRequestResolved() {
		long id = post();
		assertThat(this.api.post("/api/requests/" + id + "/resolve", "alice", PASSWORD, null).status()).isEqualTo(200);
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);

		PageClient.Response missing = alice.post("/requests/" + id + "/reopen", Map.of("reason", ""));
		assertThat(missing.status()).isEqualTo(200);
		assertThat(missing.body()).contains("id=\"reason-errors\"", "Say why you are reopening it.");
		assertThat(status(id)).isEqualTo("RESOLVED");

		PageClient.Response reopened = alice.post("/requests/" + id + "/reopen",
				Map.of("reason", "The build is slow again."));
		assertThat(reopened.status()).isEqualTo(302);
		assertThat(alice.follow(reopened).body()).contains("The request is open again.", "The build is slow again.",
				"You reopened it");
		assertThat(status(id)).isEqualTo("OPEN");
	}

	private long post() {
		return this.api.post("/api/requests", "alice", PASSWORD, Map.of("title", "Flyway fails on a duplicate index",
				"details", "V7 fails on PostgreSQL with relation already exists."))
			.json()
			.get("id")
			.asLong();
	}

	private long offer(long id, String helper) {
		Api.Response offer = this.api.post("/api/requests/" + id + "/offers", helper, PASSWORD,
				Map.of("message", "Use create index if not exists."));
		assertThat(offer.status()).isEqualTo(201);
		return offer.json().get("id").asLong();
	}

	private String status(long id) {
		return this.jdbc.queryForObject("select status from help_requests where id = ?", String.class, id);
	}

	private String message(long offer) {
		return this.jdbc.queryForObject("select message from offers where id = ?", String.class, offer);
	}

	private int events(long id) {
		return this.jdbc.queryForObject("select count(*) from request_events where request_id = ?", Integer.class, id);
	}

}
