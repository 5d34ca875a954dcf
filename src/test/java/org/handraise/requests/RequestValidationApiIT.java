package org.handraise.requests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.handraise.support.Api;
import org.handraise.support.PostgresIntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.CAROL;
import static org.handraise.support.DemoCast.MARIA;
import static org.handraise.support.DemoCast.OLGA;

/**
 * Validation over the API, one rule at a time: a 400 {@code application/problem+json}
 * naming the field, and nothing saved. Also the other ways a call can go wrong (malformed
 * JSON, unknown ids, wrong credentials), none of which may ever be a 500.
 */
class RequestValidationApiIT extends PostgresIntegrationTest {

	private static final List<String> TABLES = List.of("help_requests", "request_events", "request_topics", "topics",
			"offers", "thank_you_notes");

	@Autowired
	private RequestCommands requests;

	private Api api;

	private long openRequest;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, CAROL, MARIA);
		this.openRequest = this.requests
			.post("alice",
					new RequestDraft("Why does my test hang?", "It waits forever on a latch.", null, List.of("java"),
							"NORMAL", false))
			.id();
	}

	// requests

	@Test
	void aRequestWithoutATitleIsRejected() {
		assertRejected("title", () -> postRequest(without("title")));
	}

	@Test
	void aRequestWithABlankTitleIsRejected() {
		assertRejected("title", () -> postRequest(with("title", "   \t ")));
	}

	@Test
	void aTitleOf121CharactersIsTooLongAnd120AreFine() {
		assertRejected("title", "120", () -> postRequest(with("title", "t".repeat(121))));
		assertAccepted(postRequest(with("title", "t".repeat(120))), "title", "t".repeat(120));
	}

	@Test
	void aRequestWithoutDetailsIsRejected() {
		assertRejected("details", () -> postRequest(without("details")));
	}

	@Test
	void aRequestWithBlankDetailsIsRejected() {
		assertRejected("details", () -> postRequest(with("details", "\n\n  ")));
	}

	@Test
	void detailsOf5001CharactersAreTooLongAnd5000AreFine() {
		assertRejected("details", "5000", () -> postRequest(with("details", "d".repeat(5001))));
		assertAccepted(postRequest(with("details", "d".repeat(5000))), "details", "d".repeat(5000));
	}

	@Test
	void triedSoFarOf2001CharactersIsTooLongAnd2000AreFine() {
		assertRejected("triedSoFar", "2000", () -> postRequest(with("triedSoFar", "x".repeat(2001))));
		assertAccepted(postRequest(with("triedSoFar", "x".repeat(2000))), "triedSoFar", "x".repeat(2000));
	}

	@Test
	void sixTopicsAreTooManyAndFiveAreFine() {
		assertRejected("topics", () -> postRequest(with("topics", List.of("a", "b", "c", "d", "e", "f"))));
		Api.Response five = postRequest(with("topics", List.of("a", "b", "c", "d", "e")));
		assertThat(five.status()).as(five.body()).isEqualTo(201);
		assertThat(five.json().get("topics")).hasSize(5);
	}

	@Test
	void aTopicOf31CharactersIsTooLongAnd30AreFine() {
		assertRejected("topics", "30", () -> postRequest(with("topics", List.of("java", "k".repeat(31)))));
		Api.Response thirty = postRequest(with("topics", List.of("k".repeat(30))));
		assertThat(thirty.status()).as(thirty.body()).isEqualTo(201);
		assertThat(thirty.json().get("topics").get(0).asString()).isEqualTo("k".repeat(30));
	}

	@Test
	void anUnknownUrgencyIsRejected() {
		assertRejected("urgency", () -> postRequest(with("urgency", "SOON")));
		assertAccepted(postRequest(with("urgency", "HIGH")), "urgency", "HIGH");
	}

	@Test
	void aRequestBreakingSeveralRulesNamesEveryField() {
		Map<String, Object> body = new HashMap<>(with("title", " "));
		body.put("details", "d".repeat(5001));
		body.put("urgency", "SOON");
		Api.Response response = nothingSaved(() -> postRequest(body));
		assertThat(response.status()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		assertThat(fields).contains("title", "details", "urgency");
	}

	// offers

	@Test
	void anOfferWithABlankMessageIsRejected() {
		assertRejected("message", () -> offer(Map.of("message", "  ")));
		assertRejected("message", () -> offer(Map.of()));
		assertThat(status(this.openRequest)).isEqualTo("OPEN");
	}

	@Test
	void anOfferMessageOf2001CharactersIsTooLongAnd2000AreFine() {
		assertRejected("message", "2000", () -> offer(Map.of("message", "m".repeat(2001))));
		assertThat(status(this.openRequest)).isEqualTo("OPEN");
		assertAccepted(offer(Map.of("message", "m".repeat(2000))), "message", "m".repeat(2000));
	}

	// thanks

	@Test
	void aThanksMessageOf2001CharactersIsTooLongAnd2000AreFine() {
		assertRejected("message", "2000", () -> thanks("bob", Map.of("to", "maria", "message", "m".repeat(2001))));
		assertAccepted(thanks("bob", Map.of("to", "maria", "message", "m".repeat(2000))), "message", "m".repeat(2000));
	}

	@Test
	void aThanksWithoutAMessageIsRejected() {
		assertRejected("message", () -> thanks("bob", Map.of("to", "maria", "message", " ")));
	}

	@Test
	void thankingYourselfIsRejected() {
		assertRejected("to", () -> thanks("bob", Map.of("to", "bob", "message", "Well done, me.")));
	}

	@Test
	void thankingSomeoneWhoDoesNotExistIsRejected() {
		assertRejected("to", () -> thanks("bob", Map.of("to", "nobody-here", "message", "Thanks, stranger.")));
		assertRejected("to", () -> thanks("bob", Map.of("to", "", "message", "Thanks, stranger.")));
	}

	@Test
	void thanksTiedToARequestFromSomeoneWhoDidNotAskIsForbidden() {
		this.requests.offer("maria", this.openRequest, new OfferDraft("Take a thread dump."));
		Api.Response response = nothingSaved(() -> thanks("bob",
				Map.of("to", "maria", "message", "Thanks for helping alice.", "requestId", this.openRequest)));
		assertProblem(response, 403);
	}

	@Test
	void thanksTiedToARequestForSomeoneWhoDidNotHelpOnItIsRejected() {
		this.requests.offer("maria", this.openRequest, new OfferDraft("Take a thread dump."));
		assertRejected("to", () -> thanks("alice",
				Map.of("to", "carol", "message", "Thanks, carol!", "requestId", this.openRequest)));
		assertAccepted(
				thanks("alice", Map.of("to", "maria", "message", "Thanks, maria!", "requestId", this.openRequest)),
				"to", "maria");
	}

	@Test
	void thanksTiedToARequestThatDoesNotExistIsAClientErrorNotAServerError() {
		Api.Response response = nothingSaved(
				() -> thanks("alice", Map.of("to", "maria", "message", "Thanks!", "requestId", 987654)));
		assertThat(response.status()).as(response.body()).isIn(400, 404);
		assertThat(response.isProblem()).isTrue();
	}

	// malformed input, unknown ids, credentials

	@Test
	void malformedJsonIsABadRequestProblem() {
		Api.Response unfinished = nothingSaved(
				() -> this.api.post("/api/requests", "alice", PASSWORD, "{\"title\": \"x\", "));
		assertProblem(unfinished, 400);
		assertThat(unfinished.json().get("title").asString()).isEqualTo("Bad Request");
		assertProblem(nothingSaved(() -> this.api.post("/api/requests", "alice", PASSWORD, "not json at all")), 400);
		assertProblem(nothingSaved(() -> this.api.post("/api/requests/" + this.openRequest + "/offers", "bob", PASSWORD,
				"{\"message\": ")), 400);
		assertProblem(nothingSaved(() -> this.api.post("/api/thanks", "bob", PASSWORD, "[1, 2")), 400);
	}

	@Test
	void jsonOfTheWrongShapeIsABadRequestProblem() {
		assertProblem(nothingSaved(
				() -> this.api.post("/api/requests", "alice", PASSWORD, "{\"title\": [\"a\"], \"details\": \"d\"}")),
				400);
		assertProblem(nothingSaved(() -> this.api.post("/api/requests", "alice", PASSWORD,
				"{\"title\": \"t\", \"details\": \"d\", \"topics\": {\"a\": 1}}")), 400);
		assertProblem(nothingSaved(() -> this.api.post("/api/requests", "alice", PASSWORD,
				"{\"title\": \"t\", \"details\": \"d\", \"anonymous\": \"perhaps\"}")), 400);
		assertProblem(nothingSaved(() -> this.api.post("/api/thanks", "bob", PASSWORD,
				"{\"to\": \"maria\", \"message\": \"m\", \"requestId\": \"seven\"}")), 400);
	}

	@Test
	void aMissingBodyIsABadRequestProblem() {
		assertProblem(nothingSaved(() -> this.api.post("/api/requests", "alice", PASSWORD, null)), 400);
		assertProblem(nothingSaved(() -> this.api.post("/api/thanks", "alice", PASSWORD, null)), 400);
	}

	@Test
	void anUnknownRequestIdIsANotFoundProblem() {
		long unknown = this.openRequest + 1000;
		assertProblem(this.api.get("/api/requests/" + unknown, "bob", PASSWORD), 404);
		assertProblem(nothingSaved(() -> this.api.post("/api/requests/" + unknown + "/claim", "maria", PASSWORD, null)),
				404);
		assertProblem(nothingSaved(() -> this.api.post("/api/requests/" + unknown + "/offers", "bob", PASSWORD,
				Map.of("message", "Hello?"))), 404);
		assertProblem(
				nothingSaved(() -> this.api.post("/api/requests/" + unknown + "/resolve", "alice", PASSWORD, null)),
				404);
		assertProblem(this.api.get("/api/people/nobody-here", "bob", PASSWORD), 404);
	}

	@Test
	void aRequestIdThatIsNotANumberIsAClientErrorNotAServerError() {
		Api.Response response = this.api.get("/api/requests/forty-two", "bob", PASSWORD);
		assertThat(response.status()).as(response.body()).isIn(400, 404);
		assertThat(response.isProblem()).isTrue();
	}

	@Test
	void anUnknownFilterValueIsABadRequestNotAServerError() {
		assertProblem(this.api.get("/api/requests?status=PENDING", "bob", PASSWORD), 400);
		assertProblem(this.api.get("/api/requests?page=first", "bob", PASSWORD), 400);
	}

	@Test
	void acceptingAnOfferThatIsNotOnTheRequestIsRejectedAndChangesNothing() {
		assertRejected("acceptedOfferId", () -> this.api.post("/api/requests/" + this.openRequest + "/resolve", "alice",
				PASSWORD, Map.of("acceptedOfferId", 424242)));
		assertThat(status(this.openRequest)).isEqualTo("OPEN");
	}

	@Test
	void controlCharactersInTextAreRejected() {
		assertRejected("title", () -> postRequest(with("title", "Null\u0000byte")));
		assertRejected("details", () -> postRequest(with("details", "Bell\u0007and escape\u001b[0m")));
		assertRejected("topics", () -> postRequest(with("topics", List.of("ja\u0000va"))));
		assertRejected("message", () -> offer(Map.of("message", "nul\u0000")));
		assertRejected("message", () -> thanks("bob", Map.of("to", "maria", "message", "nul\u0000")));
	}

	@Test
	void invisibleAndDirectionChangingCharactersAreRejectedInTitlesAndTopics() {
		// zero-width space, right-to-left override, left-to-right isolate, byte order
		// mark, soft hyphen, word joiner
		for (String hidden : List.of("\u200b", "\u202e", "\u2066", "\ufeff", "\u00ad", "\u2060")) {
			assertRejected("title", () -> postRequest(with("title", "Deploy" + hidden + " fails on Fridays")));
			assertRejected("topics", () -> postRequest(with("topics", List.of("ja" + hidden + "va"))));
		}
		assertRejected("topics", () -> postRequest(with("topics", List.of("ja\u200dva"))));
	}

	@Test
	void emojiSequencesStayWelcomeInTitles() {
		String title = "Pairing on my \ud83d\udc69\u200d\ud83d\udcbb setup";
		assertAccepted(postRequest(with("title", title)), "title", title);
	}

	@Test
	void topicsThatLookTheSameAreTheSameTopic() {
		Api.Response wide = postRequest(with("topics", List.of("\uff4a\uff41\uff56\uff41", " \ufb01nance ")));
		assertThat(wide.status()).as(wide.body()).isEqualTo(201);
		assertThat(wide.json().get("topics")).extracting(JsonNode::asString).containsExactly("finance", "java");
		assertThat(this.jdbc.queryForList("select name from topics order by name", String.class))
			.containsExactly("finance", "java");
	}

	@Test
	@WithMockUser(username = "olga", roles = { "EMPLOYEE", "ADMIN" })
	void thankingSomeoneWhoseAccountIsDeactivatedIsRejected() {
		seed(OLGA);
		this.people.deactivate("olga", "carol");
		assertRejected("to", "Carol Test", () -> thanks("bob", Map.of("to", "carol", "message", "Thanks, carol.")));
	}

	@Test
	void aNulCharacterInAUsernameIsABadRequestNotAConflictOrAServerError() {
		// PostgreSQL refuses NUL in text; looking such a name up must not turn into a 409
		// or a 500.
		Api.Response thanks = nothingSaved(() -> thanks("bob", Map.of("to", "ma\u0000ria", "message", "Thanks!")));
		Api.Response person = this.api.get("/api/people/ma%00ria", "bob", PASSWORD);
		Api.Response signIn = this.api.get("/api/me", "ma\u0000ria", PASSWORD);
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(thanks.status())
				.as("POST /api/thanks to a name with NUL: %s", thanks.body())
				.isEqualTo(400);
			softly.assertThat(thanks.body()).as("the error names the field").contains("\"field\":\"to\"");
			softly.assertThat(person.status()).as("GET /api/people/ma%%00ria: %s", person.body()).isIn(400, 404);
			softly.assertThat(signIn.status()).as("signing in with NUL in the name: %s", signIn.body()).isEqualTo(401);
		});
	}

	@Test
	void wrongCredentialsAreAnUnauthorizedProblem() {
		assertProblem(this.api.get("/api/me", "alice", "not-the-password"), 401);
		assertProblem(this.api.get("/api/me", "nobody-here", PASSWORD), 401);
		assertProblem(this.api.get("/api/me", null, null), 401);
		assertProblem(nothingSaved(() -> this.api.post("/api/requests", "alice", "not-the-password", validRequest())),
				401);
		assertProblem(nothingSaved(() -> this.api.post("/api/requests", null, null, validRequest())), 401);
	}

	// helpers

	private Map<String, Object> validRequest() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "How do I read a flame graph?");
		body.put("details", "Async-profiler gave me one and I do not know where to start.");
		body.put("triedSoFar", "The README of async-profiler.");
		body.put("topics", List.of("java", "performance"));
		body.put("urgency", "LOW");
		body.put("anonymous", false);
		return body;
	}

	private Map<String, Object> with(String field, Object value) {
		Map<String, Object> body = validRequest();
		body.put(field, value);
		return body;
	}

	private Map<String, Object> without(String field) {
		Map<String, Object> body = validRequest();
		body.remove(field);
		return body;
	}

	private Api.Response postRequest(Map<String, Object> body) {
		return this.api.post("/api/requests", "alice", PASSWORD, body);
	}

	private Api.Response offer(Map<String, Object> body) {
		return this.api.post("/api/requests/" + this.openRequest + "/offers", "bob", PASSWORD, body);
	}

	private Api.Response thanks(String from, Map<String, Object> body) {
		return this.api.post("/api/thanks", from, PASSWORD, body);
	}

	private void assertRejected(String field, Supplier<Api.Response> call) {
		assertRejected(field, null, call);
	}

	/**
	 * 400 problem whose errors name only {@code field}, with a readable message; and no
	 * row written.
	 */
	private void assertRejected(String field, String messageMentions, Supplier<Api.Response> call) {
		Api.Response response = nothingSaved(call);
		assertProblem(response, 400);
		JsonNode errors = response.json().get("errors");
		assertThat(errors).as("errors in %s", response.body()).isNotNull();
		assertThat(errors.isArray()).isTrue();
		assertThat(errors.size()).as(response.body()).isGreaterThan(0);
		for (JsonNode error : errors) {
			assertThat(error.get("field").asString()).as(response.body()).isEqualTo(field);
			String message = error.get("message").asString();
			assertThat(message).as("message for %s", field).isNotBlank().doesNotContain("{").doesNotContain("}");
			if (messageMentions != null) {
				assertThat(message).contains(messageMentions);
			}
		}
	}

	private void assertAccepted(Api.Response response, String field, String value) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get(field).asString()).isEqualTo(value);
	}

	private static void assertProblem(Api.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.isProblem()).as("content type %s", response.contentType()).isTrue();
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	private Api.Response nothingSaved(Supplier<Api.Response> call) {
		Map<String, Integer> before = counts();
		Api.Response response = call.get();
		assertThat(response.status()).as("never a server error: %s", response.body()).isLessThan(500);
		assertThat(counts()).as("rows after a refused call").isEqualTo(before);
		return response;
	}

	private Map<String, Integer> counts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		TABLES.forEach((t) -> counts.put(t, this.jdbc.queryForObject("select count(*) from " + t, Integer.class)));
		return counts;
	}

	private String status(long id) {
		return this.jdbc.queryForObject("select status from help_requests where id = ?", String.class, id);
	}

}
