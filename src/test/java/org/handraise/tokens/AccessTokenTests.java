package org.handraise.tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handraise.people.Role;
import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal access tokens end to end: made on the profile page and shown there once, stored as a SHA-256 hash
 * only, accepted by the API as {@code Authorization: Bearer}, and refused (401 problem+json) once revoked,
 * expired, or when their owner is deactivated. HTTP Basic keeps working beside them.
 */
class AccessTokenTests extends PostgresIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("hr_[A-Za-z0-9_-]{43}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	private AccessTokenService tokens;

	@BeforeEach
	void people() {
		person("alice", "Platform", List.of());
		person("carol", "Platform", List.of());
		person("grace", null, List.of(), Role.MANAGER);
	}

	@Test
	void aTokenMadeOnTheProfilePageIsShownOnceAndSignsTheApiIn() {
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		PageClient.Response created = alice.post("/profile/tokens", Map.of("name", "laptop script"));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.redirectPath()).isEqualTo("/profile");
		PageClient.Response shown = alice.follow(created);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains("alert-success").contains("laptop script");
		Matcher matcher = TOKEN.matcher(shown.body());
		assertThat(matcher.find()).as("the new token is on the page after it is made").isTrue();
		String token = matcher.group();

		PageClient.Response again = alice.get("/profile");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("laptop script").doesNotContain(token);
		assertThat(TOKEN.matcher(again.body()).find()).as("no token is shown a second time").isFalse();

		Response me = bearer("GET", "/api/me", token, null);
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo("alice");

		Response posted = bearer("POST", "/api/requests", token, Map.of("title", "Why is my build slow?", "details",
				"Maven takes ten minutes.", "topics", List.of("maven"), "urgency", "LOW"));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from help_requests r join people p on p.id = r.author_id where p.username = 'alice'",
				Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select last_used_at is not null from access_tokens", Boolean.class))
			.as("last used is recorded")
			.isTrue();
	}

	@Test
	void onlyTheSha256HashOfATokenIsStored() {
		String token = this.tokens.create("alice", "ci", null).token();
		assertThat(token).matches(TOKEN);
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from access_tokens");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("token_hash")).isEqualTo(AccessTokenService.hash(token));
		assertThat(AccessTokenService.hash(token)).hasSize(64).matches("[0-9a-f]{64}");
		rows.get(0).values().forEach((value) -> assertThat(String.valueOf(value)).doesNotContain(token)
			.doesNotContain(token.substring(3)));
	}

	@Test
	void aTokenCarriesItsOwnersRoles() {
		String manager = this.tokens.create("grace", "dashboards", null).token();
		String employee = this.tokens.create("alice", "scripts", null).token();
		assertThat(bearer("GET", "/api/stats", manager, null).status()).isEqualTo(200);
		Response refused = bearer("GET", "/api/stats", employee, null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
	}

	@Test
	void aWrongOrMalformedTokenIsRefusedAsProblemJson() {
		this.tokens.create("alice", "real", null);
		for (String wrong : List.of("hr_" + "A".repeat(43), "not-a-token", "", "hr_")) {
			assertUnauthorized(bearer("GET", "/api/me", wrong, null));
		}
		assertUnauthorized(bearer("POST", "/api/requests", "hr_" + "B".repeat(43),
				Map.of("title", "Never stored", "details", "Never stored either.", "urgency", "LOW")));
		assertThat(this.jdbc.queryForObject("select count(*) from help_requests", Integer.class)).isZero();
	}

	@Test
	void aRevokedTokenIsRefused() {
		CreatedAccessToken created = this.tokens.create("alice", "old laptop", null);
		assertThat(bearer("GET", "/api/me", created.token(), null).status()).isEqualTo(200);

		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		PageClient.Response revoked = alice.post("/profile/tokens/" + created.view().id() + "/revoke", Map.of());
		assertThat(revoked.status()).isEqualTo(302);
		assertThat(alice.follow(revoked).body()).contains("alert-success");
		assertThat(this.jdbc.queryForObject("select revoked_at is not null from access_tokens", Boolean.class))
			.isTrue();

		assertUnauthorized(bearer("GET", "/api/me", created.token(), null));
	}

	@Test
	void anExpiredTokenIsRefused() {
		CreatedAccessToken created = this.tokens.create("alice", "short-lived", null);
		this.jdbc.update("update access_tokens set expires_at = now() - interval '1 minute'");
		assertUnauthorized(bearer("GET", "/api/me", created.token(), null));
	}

	@Test
	void aDeactivatedPersonsTokenIsRefused() {
		String token = this.tokens.create("carol", "laptop", null).token();
		assertThat(bearer("GET", "/api/me", token, null).status()).isEqualTo(200);
		this.jdbc.update("update people set active = false where username = 'carol'");
		assertUnauthorized(bearer("GET", "/api/me", token, null));
	}

	@Test
	void nobodyCanRevokeSomeoneElsesToken() {
		CreatedAccessToken alices = this.tokens.create("alice", "alice's deploy bot", null);
		PageClient carol = PageClient.signedIn(baseUrl(), "carol", PASSWORD);
		PageClient.Response refused = carol.post("/profile/tokens/" + alices.view().id() + "/revoke", Map.of());
		assertThat(refused.status()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject("select revoked_at is null from access_tokens", Boolean.class)).isTrue();
		assertThat(bearer("GET", "/api/me", alices.token(), null).status()).isEqualTo(200);
		assertThat(carol.get("/profile").body()).doesNotContain("deploy bot");
	}

	@Test
	void makingAndRevokingATokenIsAuditedWithoutTheTokenOrItsHash() {
		person("olga", null, List.of(), Role.ADMIN);
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		alice.get("/profile");
		Matcher shown = TOKEN.matcher(alice.follow(alice.post("/profile/tokens", Map.of("name", "ci runner"))).body());
		assertThat(shown.find()).isTrue();
		String token = shown.group();
		long id = this.jdbc.queryForObject("select id from access_tokens", Long.class);
		assertThat(alice.post("/profile/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(302);
		assertThat(alice.post("/profile/tokens/" + id + "/revoke", Map.of()).status())
			.as("revoking it again changes nothing")
			.isEqualTo(302);

		List<Map<String, Object>> rows = this.jdbc.queryForList("select occurred_at, actor, action, subject, detail"
				+ " from audit_events where action like 'TOKEN_%' order by id");
		assertThat(rows).extracting((row) -> row.get("action") + " " + row.get("actor") + " " + row.get("subject")
				+ " " + row.get("detail"))
			.containsExactly("TOKEN_CREATED alice alice token " + id + " \"ci runner\"",
					"TOKEN_REVOKED alice alice token " + id + " \"ci runner\"");
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("occurred_at")).isNotNull());
		String hash = AccessTokenService.hash(token);
		assertThat(this.jdbc.queryForList("select * from audit_events")).allSatisfy((row) -> row.values()
			.forEach((value) -> assertThat(String.valueOf(value)).doesNotContain(token)
				.doesNotContain(token.substring(AccessTokenService.PREFIX.length()))
				.doesNotContain(hash)));

		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		assertThat(olga.get("/admin/audit?action=TOKEN_CREATED").body()).contains("<td>API token created</td>")
			.contains("ci runner")
			.doesNotContain(token);
		assertThat(olga.get("/admin/audit?action=TOKEN_REVOKED").body()).contains("<td>API token revoked</td>");
	}

	@Test
	void aTokenNeedsAName() {
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		PageClient.Response refused = alice.post("/profile/tokens", Map.of("name", "   "));
		assertThat(refused.status()).isEqualTo(302);
		PageClient.Response page = alice.follow(refused);
		assertThat(page.body()).contains("alert-warning");
		assertThat(TOKEN.matcher(page.body()).find()).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from access_tokens", Integer.class)).isZero();
	}

	@Test
	void aRefusedTokenIsChallengedAsABearerTokenNotWithBasic() {
		CreatedAccessToken revoked = this.tokens.create("alice", "old laptop", null);
		this.tokens.revoke("alice", revoked.view().id());
		CreatedAccessToken expired = this.tokens.create("alice", "short-lived", null);
		this.jdbc.update("update access_tokens set expires_at = now() - interval '1 minute' where id = ?",
				expired.view().id());
		String deactivated = this.tokens.create("carol", "laptop", null).token();
		this.jdbc.update("update people set active = false where username = 'carol'");
		Map<String, String> refused = Map.of("unknown", "hr_" + "A".repeat(43), "malformed", "not-a-token", "revoked",
				revoked.token(), "expired", expired.token(), "owner deactivated", deactivated);
		refused.forEach((why, token) -> {
			for (String path : List.of("/api/me", "/api/requests", "/api/nothing-here")) {
				Response response = bearer("GET", path, token, null);
				assertUnauthorized(response);
				assertThat(response.challenges()).as("%s token on %s", why, path)
					.singleElement()
					.satisfies((challenge) -> assertThat(challenge).startsWith("Bearer ")
						.contains("error=\"invalid_token\"")
						.doesNotContain(token));
				assertThat(response.json().get("detail").asString()).contains("access token");
			}
		});
		// every refusal is in the audit log, by nobody (the token proves no identity), without the token
		List<Map<String, Object>> audited = this.jdbc
			.queryForList("select actor, subject, detail from audit_events where action = 'TOKEN_REFUSED'");
		assertThat(audited).hasSize(refused.size() * 3)
			.allSatisfy((row) -> assertThat(row.get("actor")).isEqualTo("anonymous"));
		assertThat(this.jdbc.queryForList("select * from audit_events")).allSatisfy((row) -> row.values()
			.forEach((value) -> refused.values()
				.forEach((token) -> assertThat(String.valueOf(value)).doesNotContain(token))));
	}

	@Test
	void withoutCredentialsTheApiStillAdvertisesBasicAndBearer() {
		Response anonymous = call("GET", "/api/me", null, null);
		assertUnauthorized(anonymous);
		assertThat(anonymous.challenges()).containsExactly("Basic realm=\"Handraise\"", "Bearer realm=\"Handraise\"");
		assertThat(anonymous.challenges()).noneMatch((challenge) -> challenge.contains("error="));

		Response wrongPassword = call("GET", "/api/me", "Basic " + Base64.getEncoder()
			.encodeToString("alice:wrong-password".getBytes(StandardCharsets.UTF_8)), null);
		assertUnauthorized(wrongPassword);
		assertThat(wrongPassword.challenges()).first().asString().startsWith("Basic ");
		assertThat(wrongPassword.challenges()).noneMatch((challenge) -> challenge.contains("invalid_token"));

		Response actuator = call("GET", "/actuator/prometheus", null, null);
		assertThat(actuator.status()).isEqualTo(401);
		assertThat(actuator.challenges()).as("the actuator takes no tokens").containsExactly("Basic realm=\"Handraise\"");
	}

	@Test
	void httpBasicStillWorksBesideTokens() {
		this.tokens.create("alice", "laptop", null);
		Api.Response me = new Api(baseUrl()).get("/api/me", "alice", PASSWORD);
		assertThat(me.status()).isEqualTo(200);
		assertUnauthorized(new Api(baseUrl()).get("/api/me", "alice", "wrong-password"));
	}

	private static void assertUnauthorized(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
		assertThat(response.json().get("status").asInt()).isEqualTo(401);
	}

	private static void assertUnauthorized(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.isProblem()).isTrue();
	}

	private Response bearer(String method, String path, String token, Object body) {
		return call(method, path, "Bearer " + token, body);
	}

	/** A call with the given {@code Authorization} header, or none when it is null. */
	private Response call(String method, String path, String authorization, Object body) {
		try {
			String text = (body != null) ? JSON.writeValueAsString(body) : null;
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json, application/problem+json")
				.method(method, (text != null) ? HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)
						: HttpRequest.BodyPublishers.noBody());
			if (text != null) {
				request.header("Content-Type", "application/json");
			}
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			HttpResponse<String> response = CLIENT.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().allValues("WWW-Authenticate"), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Response(int status, String contentType, List<String> challenges, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

	}

}
