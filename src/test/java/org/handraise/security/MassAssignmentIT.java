package org.handraise.security;

import java.util.HashMap;
import java.util.List;
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
 * Input: a body or form carrying {@code status}, {@code author}, {@code claimedBy},
 * {@code id} or {@code version} changes none of them, and GET on an action is a 405 that
 * changes nothing.
 */
class MassAssignmentIT extends PostgresIntegrationTest {

	private static final Map<String, Object> SMUGGLED = Map.of("status", "RESOLVED", "author", "bob", "authorId", 2,
			"claimedBy", "maria", "claimedById", 3, "id", 4242, "version", 99, "anonymous", false);

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, MARIA);
	}

	@Test
	void aCreatedRequestTakesNoneOfTheSmuggledFields() {
		Map<String, Object> body = new HashMap<>(SMUGGLED);
		body.putAll(Map.of("title", "Smuggled fields", "details", "Status, author and the rest are not mine to set.",
				"topics", List.of("java")));
		Api.Response created = this.api.post("/api/requests", "alice", PASSWORD, body);
		assertThat(created.status()).as(created.body()).isIn(201, 400);
		if (created.status() == 201) {
			JsonNode json = created.json();
			assertThat(json.get("status").asString()).isEqualTo("OPEN");
			assertThat(json.get("author").get("username").asString()).isEqualTo("alice");
			assertThat(json.get("claimedBy") == null || json.get("claimedBy").isNull()).isTrue();
			assertThat(json.get("id").asLong()).isNotEqualTo(4242);
		}
		assertRowsAre("OPEN", "alice", null, 0);
	}

	@Test
	void actionsIgnoreSmuggledFieldsInTheBodyAndTheForm() {
		long id = this.api
			.post("/api/requests", "alice", PASSWORD, Map.of("title", "Smuggled fields", "details",
					"Status, author and the rest are not mine to set.", "topics", List.of("java")))
			.json()
			.get("id")
			.asLong();
		Api.Response offered = this.api.post("/api/requests/" + id + "/offers", "maria", PASSWORD,
				new HashMap<>(Map.of("message", "Happy to help.", "status", "RESOLVED", "author", "maria", "version",
						99, "id", 4242, "claimedBy", "bob")));
		assertThat(offered.status()).as(offered.body()).isIn(201, 400);
		assertThat(this.jdbc.queryForObject("select status from help_requests where id = ?", String.class, id))
			.isNotEqualTo("RESOLVED");
		assertThat(this.jdbc.queryForObject(
				"select p.username from help_requests r join people p on p.id = r.author_id where r.id = ?",
				String.class, id))
			.isEqualTo("alice");

		PageClient maria = PageClient.signedIn(baseUrl(), "maria", PASSWORD);
		maria.get("/requests/" + id);
		maria.post("/requests/" + id + "/claim",
				Map.of("status", "CANCELLED", "claimedBy", "bob", "author", "maria", "id", "4242", "version", "99"));
		assertThat(this.jdbc.queryForList(
				"select p.username from help_requests r join people p on p.id = r.claimed_by_id where r.id = ?",
				String.class, id))
			.as("claimed by maria, or (after her offer) by nobody; never by bob")
			.isSubsetOf("maria");
		assertThat(this.jdbc.queryForObject("select status from help_requests where id = ?", String.class, id))
			.isNotEqualTo("CANCELLED");
		assertThat(this.jdbc.queryForObject("select count(*) from help_requests where id = 4242", Integer.class))
			.isZero();
	}

	@Test
	void getOnAnActionIsA405AndChangesNothing() {
		long id = this.api
			.post("/api/requests", "alice", PASSWORD, Map.of("title", "Smuggled fields", "details",
					"Status, author and the rest are not mine to set.", "topics", List.of("java")))
			.json()
			.get("id")
			.asLong();
		PageClient maria = PageClient.signedIn(baseUrl(), "maria", PASSWORD);
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		for (String action : List.of("claim", "release", "offers", "resolve", "cancel", "reopen")) {
			assertThat(this.api.get("/api/requests/" + id + "/" + action, "maria", PASSWORD).status()).as(action)
				.isEqualTo(405);
			assertThat(this.api.get("/api/requests/" + id + "/" + action, "alice", PASSWORD).status()).as(action)
				.isEqualTo(405);
			assertThat(maria.get("/requests/" + id + "/" + action).status()).as(action).isEqualTo(405);
			assertThat(alice.get("/requests/" + id + "/" + action).status()).as(action).isEqualTo(405);
		}
		for (String admin : List.of("/admin/people/bob/deactivate", "/admin/people/bob/password",
				"/profile/sessions/end-others")) {
			assertThat(alice.get(admin).status()).as(admin).isIn(403, 405);
		}
		assertRowsAre("OPEN", "alice", null, 0);
		assertThat(this.jdbc.queryForObject("select count(*) from offers", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from request_events", Integer.class)).isEqualTo(1);
	}

	private void assertRowsAre(String status, String author, String claimedBy, long version) {
		Map<String, Object> row = this.jdbc.queryForMap("""
				select r.status, a.username as author, c.username as claimed,
				r.version from help_requests r join people a on a.id = r.author_id
				left join people c on c.id = r.claimed_by_id""");
		assertThat(row.get("status")).isEqualTo(status);
		assertThat(row.get("author")).isEqualTo(author);
		assertThat(row.get("claimed")).isEqualTo(claimedBy);
		assertThat(((Number) row.get("version")).longValue()).isEqualTo(version);
	}

}
