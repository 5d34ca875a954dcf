package org.handraise.requests;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.handraise.people.Role;
import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.GRACE;
import static org.handraise.support.DemoCast.MARIA;

/**
 * An anonymous request never names its author to anyone but the author: not in the API,
 * not on the pages, not in its history, not through a thank-you note the author sends for
 * it. Managers and admins included.
 */
class AnonymityIT extends PostgresIntegrationTest {

	private static final List<String> VIEWERS = List.of("bob", "maria", "grace", "admin");

	private Api api;

	private long id;

	private long offerId;

	@BeforeEach
	void aliceAsksAnonymouslyAndMariaHelps() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, MARIA.withSkills("java", "spring"), GRACE);
		person("admin", null, List.of(), Role.ADMIN);
		Api.Response posted = this.api.post("/api/requests", "alice", PASSWORD,
				Map.of("title", "Is it normal that code review makes me anxious?", "details",
						"I freeze before every review of my pull requests.", "topics", List.of("java", "career"),
						"anonymous", true));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		assertThat(posted.json().get("anonymous").asBoolean()).isTrue();
		this.id = posted.json().get("id").asLong();
		assertThat(this.api.post("/api/requests/" + this.id + "/claim", "maria", PASSWORD, null).status())
			.isEqualTo(200);
		Api.Response offer = this.api.post("/api/requests/" + this.id + "/offers", "maria", PASSWORD,
				Map.of("message", "Very normal. Ask for smaller reviews first."));
		assertThat(offer.status()).isEqualTo(201);
		this.offerId = offer.json().get("id").asLong();
	}

	@Test
	void nobodyButTheAuthorSeesWhoAskedOverTheApi() {
		for (String viewer : VIEWERS) {
			assertHiddenFromApi(viewer);
		}
	}

	@Test
	void nobodyButTheAuthorSeesWhoAskedOnThePages() {
		for (String viewer : VIEWERS) {
			assertHiddenFromPages(viewer);
		}
	}

	@Test
	void theHistoryDoesNotNameTheAuthorAfterSheResolvesAndReopens() {
		Api.Response resolved = this.api.post("/api/requests/" + this.id + "/resolve", "alice", PASSWORD,
				Map.of("acceptedOfferId", this.offerId));
		assertThat(resolved.status()).isEqualTo(200);
		for (String viewer : VIEWERS) {
			assertHiddenFromApi(viewer);
			assertHiddenFromPages(viewer);
		}
		assertThat(this.api
			.post("/api/requests/" + this.id + "/reopen", "alice", PASSWORD,
					Map.of("reason", "The anxiety is back before the next review."))
			.status()).isEqualTo(200);
		JsonNode request = this.api.get("/api/requests/" + this.id, "grace", PASSWORD).json();
		assertThat(request.get("history")).hasSize(5);
		int byAuthor = 0;
		for (JsonNode event : request.get("history")) {
			if (event.get("actor").isNull()) {
				byAuthor++;
			}
			else {
				assertThat(event.get("actor").get("username").asString()).isNotEqualTo("alice");
			}
		}
		assertThat(byAuthor).as("events by the hidden author: posted, resolved, reopened").isEqualTo(3);
		for (String viewer : VIEWERS) {
			assertHiddenFromApi(viewer);
			assertHiddenFromPages(viewer);
		}
	}

	@Test
	void theAuthorSeesTheRequestAsHers() {
		JsonNode request = this.api.get("/api/requests/" + this.id, "alice", PASSWORD).json();
		assertThat(request.get("author").get("username").asString()).isEqualTo("alice");
		assertThat(request.get("mine").asBoolean()).isTrue();
		JsonNode listed = find(this.api.get("/api/requests", "alice", PASSWORD).json());
		assertThat(listed.get("author").get("username").asString()).isEqualTo("alice");
		assertThat(listed.get("mine").asBoolean()).isTrue();
		JsonNode mine = this.api.get("/api/requests?mine=true", "alice", PASSWORD).json();
		assertThat(mine.get("totalElements").asInt()).isEqualTo(1);

		// her page says that only she knows it is hers, rather than showing her name as
		// if everyone saw it
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		PageClient.Response detail = alice.get("/requests/" + this.id);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body())
			.contains("Only you see that this is yours; everyone else sees: asked anonymously.", "You opened it",
					"(shown to others as: the person who asked)")
			.doesNotContain("by Alice Test", "Alice Test opened it");
	}

	@Test
	void aThankYouForAnAnonymousRequestDoesNotNameTheAuthor() {
		Api.Response sent = this.api.post("/api/thanks", "alice", PASSWORD, Map.of("to", "maria", "message",
				"Thank you, smaller reviews helped a lot.", "requestId", this.id, "public", true));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		assertThat(sent.json().get("from").asString()).isEqualTo("alice");

		for (String viewer : VIEWERS) {
			Api.Response wall = this.api.get("/api/thanks", viewer, PASSWORD);
			assertThat(wall.status()).isEqualTo(200);
			JsonNode notes = wall.json().get("content");
			assertThat(notes).as("notes %s sees", viewer).hasSize(1);
			JsonNode note = notes.get(0);
			assertThat(note.get("from").isNull()).as("from, as %s sees it", viewer).isTrue();
			assertThat(note.get("to").asString()).isEqualTo("maria");
			assertThat(note.path("mine").asBoolean()).isFalse();
			assertNoAlice(wall.body(), "GET /api/thanks as " + viewer);

			long noteId = sent.json().get("id").asLong();
			Api.Response one = this.api.get("/api/thanks/" + noteId, viewer, PASSWORD);
			assertThat(one.status()).isEqualTo(200);
			assertThat(one.json().get("from").isNull()).as("from of note %d, as %s sees it", noteId, viewer).isTrue();
			assertNoAlice(one.body(), "GET /api/thanks/" + noteId + " as " + viewer);
		}
		// on the request's page, maria (who helped) reads the note, without its sender's
		// name
		PageClient.Response onTheRequest = PageClient.signedIn(baseUrl(), "maria", PASSWORD)
			.get("/requests/" + this.id);
		assertThat(onTheRequest.body()).contains("Thank you, smaller reviews helped a lot.",
				"The person who asked thanked Maria Test");
		assertNoAlice(onTheRequest.body(), "the request's page with its note, as maria");
		assertThat(PageClient.signedIn(baseUrl(), "alice", PASSWORD).get("/requests/" + this.id).body())
			.contains("You thanked Maria Test");
		JsonNode own = this.api.get("/api/thanks", "alice", PASSWORD).json().get("content").get(0);
		assertThat(own.get("from").asString()).isEqualTo("alice");
		assertThat(own.get("mine").asBoolean()).isTrue();
	}

	private void assertHiddenFromApi(String viewer) {
		Api.Response one = this.api.get("/api/requests/" + this.id, viewer, PASSWORD);
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().get("author").isNull()).as("author, as %s sees it", viewer).isTrue();
		assertThat(one.json().get("mine").asBoolean()).isFalse();
		assertThat(one.json().get("anonymous").asBoolean()).isTrue();
		assertNoAlice(one.body(), "GET /api/requests/" + this.id + " as " + viewer);

		Api.Response list = this.api.get("/api/requests", viewer, PASSWORD);
		assertThat(list.status()).isEqualTo(200);
		JsonNode listed = find(list.json());
		assertThat(listed.get("author").isNull()).as("author in the list, as %s sees it", viewer).isTrue();
		assertNoAlice(list.body(), "GET /api/requests as " + viewer);
	}

	private void assertHiddenFromPages(String viewer) {
		PageClient page = PageClient.signedIn(baseUrl(), viewer, PASSWORD);
		for (String path : List.of("/requests/" + this.id, "/requests", "/requests?status=" + status())) {
			PageClient.Response response = page.get(path);
			assertThat(response.status()).as(path + " as " + viewer).isEqualTo(200);
			assertThat(response.body()).as(path + " as " + viewer + " shows the request")
				.contains("Is it normal that code review makes me anxious?");
			assertNoAlice(response.body(), path + " as " + viewer);
		}
		List<String> more = viewer.equals("maria") ? List.of("/", "/mentor") : List.of("/");
		for (String path : more) {
			PageClient.Response response = page.get(path);
			assertThat(response.status()).as(path + " as " + viewer).isEqualTo(200);
			assertNoAlice(response.body(), path + " as " + viewer);
		}
	}

	private String status() {
		return this.jdbc.queryForObject("select status from help_requests where id = ?", String.class, this.id);
	}

	private JsonNode find(JsonNode page) {
		for (JsonNode item : page.get("content")) {
			if (item.get("id").asLong() == this.id) {
				return item;
			}
		}
		throw new AssertionError("request " + this.id + " is not in the list");
	}

	private static void assertNoAlice(String body, String where) {
		String lower = body.toLowerCase(Locale.ROOT);
		assertThat(lower).as("%s names alice", where).doesNotContain("alice");
	}

}
