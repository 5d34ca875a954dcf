package org.handraise.requests;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.handraise.audit.AuditLog;
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
import static org.handraise.support.DemoCast.OLGA;

/**
 * The author edits their request over the API ({@code PUT /api/requests/{id}}), on
 * PostgreSQL: the same rules as posting, only the author, only while it is not closed,
 * and every edit in the history.
 */
class RequestEditApiIT extends PostgresIntegrationTest {

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, MARIA.withSkills("java", "sql"), OLGA.inTeam("Platform"));
	}

	@Test
	void theAuthorEditsTheTextTopicsAndUrgencyAndTheHistorySaysSo() {
		long id = post(false);
		assertThat(this.api.post("/api/requests/" + id + "/claim", "maria", PASSWORD, null).status()).isEqualTo(200);
		String updatedBefore = this.jdbc
			.queryForObject("select cast(updated_at as varchar) from help_requests where id = ?", String.class, id);

		Api.Response edited = this.api.send("PUT", "/api/requests/" + id, "alice", PASSWORD,
				edit("Flyway V7 fails on PostgreSQL 17 with a duplicate index", List.of(" SQL ", "Flyway", "sql")));

		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		JsonNode request = edited.json();
		assertThat(request.get("title").asString())
			.isEqualTo("Flyway V7 fails on PostgreSQL 17 with a duplicate index");
		assertThat(request.get("details").asString()).isEqualTo("The migration fails with 'relation already exists'.");
		assertThat(request.get("triedSoFar").isNull()).as("blank: nothing tried").isTrue();
		assertThat(request.get("urgency").asString()).isEqualTo("LOW");
		assertThat(request.get("topics")).extracting(JsonNode::asString).containsExactly("flyway", "sql");
		assertThat(request.get("status").asString()).as("the status stays").isEqualTo("CLAIMED");
		assertThat(request.get("claimedBy").get("username").asString()).isEqualTo("maria");
		assertThat(request.get("anonymous").asBoolean()).isFalse();
		JsonNode last = request.get("history").get(request.get("history").size() - 1);
		assertThat(last.get("kind").asString()).isEqualTo("EDITED");
		assertThat(last.get("from").asString()).isEqualTo("CLAIMED");
		assertThat(last.get("to").asString()).isEqualTo("CLAIMED");
		assertThat(last.get("actor").get("username").asString()).isEqualTo("alice");
		assertThat(this.jdbc.queryForObject("select cast(updated_at as varchar) from help_requests where id = ?",
				String.class, id))
			.isNotEqualTo(updatedBefore);
		assertThat(this.jdbc.queryForList("select kind from request_events where request_id = ? order by id",
				String.class, id))
			.containsExactly("POSTED", "CLAIMED", "EDITED");
		assertThat(this.api.get("/api/requests/" + id, "alice", PASSWORD).json().get("actions"))
			.extracting(JsonNode::asString)
			.containsExactly("CANCEL", "EDIT", "RESOLVE");
	}

	@Test
	void onlyTheAuthorEditsOnlyAnOpenRequestAndBadInputSavesNothing() {
		long id = post(false);
		String path = "/api/requests/" + id;

		Api.Response notHers = this.api.send("PUT", path, "bob", PASSWORD, edit("Bob's better title here", null));
		assertThat(notHers.status()).isEqualTo(403);
		assertThat(notHers.isProblem()).isTrue();
		assertThat(notHers.json().get("detail").asString())
			.isEqualTo("Only the person who asked can edit this request.");
		Api.Response notHersAndBlank = this.api.send("PUT", path, "maria", PASSWORD, edit(" ", null));
		assertThat(notHersAndBlank.status()).as("refused before the input is looked at").isEqualTo(403);

		Api.Response blank = this.api.send("PUT", path, "alice", PASSWORD, edit(" ", List.of("new-topic")));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.isProblem()).isTrue();
		assertThat(blank.body()).contains("title");
		Map<String, Object> badUrgency = edit("A perfectly good title", null);
		badUrgency.put("urgency", "SOON");
		assertThat(this.api.send("PUT", path, "alice", PASSWORD, badUrgency).status()).isEqualTo(400);
		assertThat(this.api.send("PUT", path, "alice", PASSWORD, edit("x".repeat(121), null)).status()).isEqualTo(400);
		assertThat(this.api.send("PUT", "/api/requests/999999", "alice", PASSWORD, edit("A good title", null)).status())
			.isEqualTo(404);

		assertThat(this.jdbc.queryForObject("select title from help_requests where id = ?", String.class, id))
			.isEqualTo("Flyway fails");
		assertThat(this.jdbc.queryForObject("select count(*) from topics where name = 'new-topic'", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForList("select kind from request_events where request_id = ?", String.class, id))
			.containsExactly("POSTED");

		assertThat(this.api.post(path + "/resolve", "alice", PASSWORD, null).status()).isEqualTo(200);
		Api.Response resolved = this.api.send("PUT", path, "alice", PASSWORD, edit("Too late for a new title", null));
		assertThat(resolved.status()).isEqualTo(409);
		assertThat(resolved.isProblem()).isTrue();
		assertThat(resolved.json().get("detail").asString()).isEqualTo("This request is already resolved.");
		assertThat(this.jdbc.queryForObject("select title from help_requests where id = ?", String.class, id))
			.isEqualTo("Flyway fails");
	}

	@Test
	void anAnonymousAuthorsEditShowsAsThePersonWhoAskedAndTheFlagStays() {
		long id = post(true);
		Map<String, Object> body = edit("Flyway V7 fails on PostgreSQL 17", null);
		body.put("anonymous", false);

		assertThat(this.api.send("PUT", "/api/requests/" + id, "alice", PASSWORD, body).status()).isEqualTo(200);

		JsonNode seen = this.api.get("/api/requests/" + id, "bob", PASSWORD).json();
		assertThat(seen.get("anonymous").asBoolean()).as("not editable").isTrue();
		assertThat(seen.get("author").isNull()).isTrue();
		JsonNode last = seen.get("history").get(seen.get("history").size() - 1);
		assertThat(last.get("kind").asString()).isEqualTo("EDITED");
		assertThat(last.get("actor").isNull()).isTrue();
		assertThat(last.get("byAuthor").asBoolean()).isTrue();
		assertThat(seen.toString()).doesNotContain("alice");

		String audit = PageClient.signedIn(baseUrl(), "olga", PASSWORD)
			.get("/admin/audit?action=REQUEST_EDITED")
			.body();
		assertThat(audit)
			.contains("<td>Request edited</td>", "<td>" + AuditLog.ANONYMOUS_AUTHOR + "</td>", "<td>while OPEN</td>",
					"<td>request " + id + "</td>")
			.doesNotContain("<td>alice</td>")
			.doesNotContain("<td>Request opened</td>");
	}

	@Test
	void anEditThatKeepsTheTopicsChangesNoStatistic() {
		long id = post(false);
		assertThat(this.api.post("/api/requests/" + id + "/claim", "maria", PASSWORD, null).status()).isEqualTo(200);
		List<Map<String, Object>> before = this.jdbc.queryForList("select * from stats_request where request_id = ?",
				id);
		List<Map<String, Object>> topicsBefore = this.jdbc
			.queryForList("select * from stats_request_topic where request_id = ?", id);

		assertThat(this.api
			.send("PUT", "/api/requests/" + id, "alice", PASSWORD, edit("A sharper title for it", List.of("sql")))
			.status()).isEqualTo(200);

		assertThat(before).hasSize(1);
		assertThat(topicsBefore).hasSize(1);
		assertThat(this.jdbc.queryForList("select * from stats_request where request_id = ?", id)).isEqualTo(before);
		assertThat(this.jdbc.queryForList("select * from stats_request_topic where request_id = ?", id))
			.isEqualTo(topicsBefore);
	}

	private long post(boolean anonymous) {
		Api.Response posted = this.api.post("/api/requests", "alice", PASSWORD,
				Map.of("title", "Flyway fails", "details", "Our V7 migration fails on PostgreSQL.", "triedSoFar",
						"Dropped the index by hand", "topics", List.of("sql"), "urgency", "HIGH", "anonymous",
						anonymous));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		return posted.json().get("id").asLong();
	}

	private static Map<String, Object> edit(String title, List<String> topics) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("details", "The migration fails with 'relation already exists'.");
		body.put("triedSoFar", " ");
		body.put("urgency", "LOW");
		if (topics != null) {
			body.put("topics", topics);
		}
		return body;
	}

}
