package org.handraise.tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.CAROL;
import static org.handraise.support.DemoCast.GRACE;
import static org.handraise.support.DemoCast.OLGA;

/**
 * Personal access tokens end to end: made on the profile page and shown there once,
 * stored as a SHA-256 hash only, accepted by the API as {@code Authorization: Bearer},
 * and refused (401 problem+json) once revoked, expired, or when their owner is
 * deactivated. HTTP Basic keeps working beside them.
 */
class AccessTokenIT extends PostgresIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("hr_[A-Za-z0-9_-]{43}");

	private static final Pattern ONCE = Pattern.compile("name=\"once\" value=\"([^\"]+)\"");

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	private AccessTokenService tokens;

	@Autowired
	private TransactionTemplate transactions;

	@BeforeEach
	void people() {
		seed(ALICE, CAROL, GRACE);
	}

	@Test
	void aTokenMadeOnTheProfilePageIsShownOnceAndSignsTheApiIn() {
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		PageClient.Response shown = alice.post("/profile/tokens", Map.of("name", "laptop script"));
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
		rows.get(0)
			.values()
			.forEach((value) -> assertThat(String.valueOf(value)).doesNotContain(token)
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
		seed(OLGA);
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		alice.get("/profile");
		Matcher shown = TOKEN.matcher(alice.post("/profile/tokens", Map.of("name", "ci runner")).body());
		assertThat(shown.find()).isTrue();
		String token = shown.group();
		long id = this.jdbc.queryForObject("select id from access_tokens", Long.class);
		Instant expires = this.jdbc.queryForObject("select expires_at from access_tokens", OffsetDateTime.class)
			.toInstant();
		assertThat(alice.post("/profile/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(302);
		assertThat(alice.post("/profile/tokens/" + id + "/revoke", Map.of()).status())
			.as("revoking it again changes nothing")
			.isEqualTo(302);

		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				select occurred_at, actor, action, subject, detail
				from audit_events where action like 'TOKEN_%' order by id""");
		assertThat(rows)
			.extracting((row) -> row.get("action") + " " + row.get("actor") + " " + row.get("subject") + " "
					+ row.get("detail"))
			.containsExactly("TOKEN_CREATED alice alice token " + id + " \"ci runner\", expires " + expires,
					"TOKEN_REVOKED alice alice token " + id + " \"ci runner\", expires " + expires);
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
		PageClient.Response page = alice.post("/profile/tokens", Map.of("name", "   "));
		assertThat(page.status()).isEqualTo(200);
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
		// every refusal is in the audit log, by nobody (the token proves no identity),
		// without the token
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

		Response wrongPassword = call("GET", "/api/me",
				"Basic " + Base64.getEncoder().encodeToString("alice:wrong-password".getBytes(StandardCharsets.UTF_8)),
				null);
		assertUnauthorized(wrongPassword);
		assertThat(wrongPassword.challenges()).first().asString().startsWith("Basic ");
		assertThat(wrongPassword.challenges()).noneMatch((challenge) -> challenge.contains("invalid_token"));

		Response actuator = call("GET", "/actuator/prometheus", null, null);
		assertThat(actuator.status()).isEqualTo(401);
		assertThat(actuator.challenges()).as("the actuator takes no tokens")
			.containsExactly("Basic realm=\"Handraise\"");
	}

	@Test
	void httpBasicStillWorksBesideTokens() {
		this.tokens.create("alice", "laptop", null);
		Api.Response me = new Api(baseUrl()).get("/api/me", "alice", PASSWORD);
		assertThat(me.status()).isEqualTo(200);
		assertUnauthorized(new Api(baseUrl()).get("/api/me", "alice", "wrong-password"));
	}

	@Test
	void aNewTokenIsShownInTheResponseToTheFormAndNeverStoredInTheSession() {
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		Matcher once = ONCE.matcher(alice.get("/profile").body());
		assertThat(once.find()).isTrue();
		PageClient.Response made = alice.post("/profile/tokens",
				Map.of("name", "laptop script", "once", once.group(1)));
		List<byte[]> stored = this.jdbc.queryForList("select attribute_bytes from spring_session_attributes",
				byte[].class);

		assertThat(made.status()).isEqualTo(200);
		assertThat(made.cacheControl()).contains("no-store");
		Matcher shown = TOKEN.matcher(made.body());
		assertThat(shown.find()).as("the new token is in the response").isTrue();
		String token = shown.group();
		assertThat(shown.find()).as("once").isFalse();
		assertThat(made.body()).contains("laptop script").contains("alert-success");

		assertThat(stored).as("session attributes").isNotEmpty();
		byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
		byte[] secretBytes = token.substring(AccessTokenService.PREFIX.length()).getBytes(StandardCharsets.UTF_8);
		for (byte[] attribute : stored) {
			assertThat(indexOf(attribute, tokenBytes)).as("the token in a stored session attribute").isEqualTo(-1);
			assertThat(indexOf(attribute, secretBytes)).isEqualTo(-1);
		}
		assertThat(this.jdbc.queryForList("select attribute_bytes from spring_session_attributes", byte[].class))
			.allSatisfy((attribute) -> assertThat(indexOf(attribute, secretBytes)).isEqualTo(-1));

		Response me = bearer("GET", "/api/me", token, null);
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat(TOKEN.matcher(alice.get("/profile").body()).find()).as("not shown again").isFalse();
	}

	@Test
	void sendingTheSameFormAgainMakesNoSecondToken() {
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		Matcher once = ONCE.matcher(alice.get("/profile").body());
		assertThat(once.find()).isTrue();
		Map<String, String> form = Map.of("name", "laptop script", "once", once.group(1));
		PageClient.Response made = alice.post("/profile/tokens", form);
		assertThat(TOKEN.matcher(made.body()).find()).isTrue();
		Matcher next = ONCE.matcher(made.body());
		assertThat(next.find()).isTrue();
		assertThat(next.group(1)).as("the page after a token is made has a fresh form").isNotEqualTo(once.group(1));

		PageClient.Response reloaded = alice.post("/profile/tokens", form);
		assertThat(reloaded.status()).isEqualTo(302);
		assertThat(reloaded.redirectPath()).isEqualTo("/profile");
		assertThat(TOKEN.matcher(reloaded.body()).find()).isFalse();
		PageClient.Response page = alice.follow(reloaded);
		assertThat(page.body()).contains("was already made").contains("laptop script");
		assertThat(TOKEN.matcher(page.body()).find()).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from access_tokens", Integer.class)).isEqualTo(1);

		assertThat(TOKEN.matcher(alice.post("/profile/tokens", Map.of("name", "second", "once", next.group(1))).body())
			.find()).as("the fresh form makes a token").isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from access_tokens", Integer.class)).isEqualTo(2);
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return i;
			}
		}
		return -1;
	}

	@Test
	void changingMyPasswordRevokesAllMyTokens() {
		CreatedAccessToken laptop = this.tokens.create("alice", "laptop", null);
		CreatedAccessToken ci = this.tokens.create("alice", "ci", null);
		String carols = this.tokens.create("carol", "carol's laptop", null).token();
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		String before = alice.get("/profile").body();
		this.jdbc.update("delete from audit_events");
		PageClient.Response changed = alice.post("/profile/password", Map.of("currentPassword", PASSWORD, "newPassword",
				"tram 28 to the castle", "confirmPassword", "tram 28 to the castle"));
		assertThat(changed.status()).isEqualTo(302);

		assertInvalidToken(bearer("GET", "/api/me", laptop.token(), null));
		assertInvalidToken(bearer("GET", "/api/me", ci.token(), null));
		assertThat(before).as("the password form says so").contains("your API tokens are revoked");
		assertThat(alice.follow(changed).body()).contains("Your API tokens are revoked").doesNotContain(">Active<");
		assertThat(bearer("GET", "/api/me", carols, null).status()).as("somebody else's token").isEqualTo(200);
		assertThat(revocations()).containsExactlyInAnyOrder(
				"alice alice token " + laptop.view().id() + " \"laptop\", expires " + laptop.view().expiresAt()
						+ ", password_changed",
				"alice alice token " + ci.view().id() + " \"ci\", expires " + ci.view().expiresAt()
						+ ", password_changed");
	}

	@Test
	void anAdministratorsPasswordResetRevokesAllTheirTokens() {
		seed(OLGA);
		CreatedAccessToken laptop = this.tokens.create("alice", "laptop", null);
		CreatedAccessToken revokedBefore = this.tokens.create("alice", "old", null);
		this.tokens.revoke("alice", revokedBefore.view().id());
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		String before = olga.get("/admin/people/alice").body();
		this.jdbc.update("delete from audit_events");
		PageClient.Response reset = olga.post("/admin/people/alice/password",
				Map.of("password", "a-new-passphrase-for-her"));
		assertThat(reset.status()).isEqualTo(302);

		assertInvalidToken(bearer("GET", "/api/me", laptop.token(), null));
		assertThat(before).as("the reset form says so").contains("their API tokens are revoked");
		assertThat(olga.follow(reset).body()).contains("alert-success").contains("API tokens are revoked");
		assertThat(revocations()).as("one entry per token revoked now, none for the one revoked before")
			.containsExactly("olga alice token " + laptop.view().id() + " \"laptop\", expires "
					+ laptop.view().expiresAt() + ", password_reset");
	}

	@Test
	void aDeactivatedPersonsTokensStayRevokedWhenTheyAreActivatedAgain() {
		seed(OLGA);
		CreatedAccessToken laptop = this.tokens.create("carol", "laptop", null);
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		olga.get("/admin/people/carol");
		assertThat(olga.post("/admin/people/carol/deactivate", Map.of()).status()).isEqualTo(302);
		assertThat(olga.post("/admin/people/carol/activate", Map.of()).status()).isEqualTo(302);

		assertInvalidToken(bearer("GET", "/api/me", laptop.token(), null));
		assertThat(PageClient.signedIn(baseUrl(), "carol", PASSWORD).get("/profile").body())
			.as("carol can sign in again, her token is listed as revoked")
			.contains("laptop")
			.contains("Revoked ");
		assertThat(this.jdbc.queryForObject("select revoked_at is not null from access_tokens", Boolean.class))
			.isTrue();
		assertThat(revocations()).containsExactly("olga carol token " + laptop.view().id() + " \"laptop\", expires "
				+ laptop.view().expiresAt() + ", deactivated");
	}

	@Test
	void aPasswordChangeThatIsRolledBackRevokesNothing() {
		String token = this.tokens.create("alice", "laptop", null).token();
		this.transactions.executeWithoutResult((status) -> {
			this.people.changeOwnPassword("alice", PASSWORD, "tram 28 to the castle");
			assertThat(this.tokens.list("alice")).as("revoked in the transaction of the change")
				.singleElement()
				.satisfies((view) -> assertThat(view.revoked()).isTrue());
			status.setRollbackOnly();
		});
		assertThat(this.jdbc.queryForObject("select revoked_at is null from access_tokens", Boolean.class)).isTrue();
		assertThat(bearer("GET", "/api/me", token, null).status()).isEqualTo(200);
		assertThat(revocations()).isEmpty();
	}

	@Test
	void aNewTokenExpiresIn90DaysUnlessAnotherChoiceIsMade() {
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		assertThat(alice.get("/profile").body()).contains("name=\"expiresInDays\"")
			.contains("<option value=\"90\" selected=\"selected\">");
		alice.post("/profile/tokens", Map.of("name", "default"));
		alice.post("/profile/tokens", Map.of("name", "short", "expiresInDays", "30"));
		alice.post("/profile/tokens", Map.of("name", "long", "expiresInDays", "365"));
		assertThat(this.jdbc.queryForList("""
				select name || ' ' || cast(extract(epoch from expires_at - created_at) / 86400 as integer)
				from access_tokens order by id""", String.class)).containsExactly("default 90", "short 30", "long 365");
		assertThat(this.tokens.create("carol", "by default", null).view().expiresAt()).isEqualTo(this.jdbc
			.queryForObject("select created_at from access_tokens where name = 'by default'", OffsetDateTime.class)
			.toInstant()
			.plus(Duration.ofDays(90)));

		for (String wrong : List.of("7", "0", "-1", "forever", "")) {
			PageClient.Response refused = alice.post("/profile/tokens",
					Map.of("name", "wrong " + wrong, "expiresInDays", wrong));
			assertThat(refused.body()).as(wrong).contains("alert-warning").contains("30, 90 or 365 days");
			assertThat(TOKEN.matcher(refused.body()).find()).isFalse();
		}
		assertThat(
				this.jdbc.queryForObject("select count(*) from access_tokens where name like 'wrong%'", Integer.class))
			.isZero();
	}

	@Test
	void theTokenListShowsWhenATokenExpiresAndWhetherItIsActiveExpiredOrRevoked() {
		CreatedAccessToken active = this.tokens.create("alice", "still good", null);
		CreatedAccessToken expired = this.tokens.create("alice", "too old", null);
		CreatedAccessToken revoked = this.tokens.create("alice", "given up", null);
		this.tokens.revoke("alice", revoked.view().id());
		this.jdbc.update("""
				update access_tokens set expires_at = timestamp with time zone '2026-01-02 03:04:00+00'
				where id = ?""", expired.view().id());
		String page = PageClient.signedIn(baseUrl(), "alice", PASSWORD).get("/profile").body();
		assertThat(row(page, "still good")).contains(">Active<").contains(UTC.format(active.view().expiresAt()));
		assertThat(row(page, "too old")).contains("Expired 2026-01-02 03:04 UTC").doesNotContain(">Revoke<");
		assertThat(row(page, "given up")).contains("Revoked ").doesNotContain(">Revoke<");
		assertUnauthorized(bearer("GET", "/api/me", expired.token(), null));
	}

	/** The table row of the token named {@code name} on the profile page. */
	private static String row(String page, String name) {
		Matcher matcher = Pattern.compile("<tr>\\s*<td>" + Pattern.quote(name) + "</td>.*?</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(matcher.find()).as("a row for " + name).isTrue();
		return matcher.group();
	}

	/** The TOKEN_REVOKED entries of the audit log: actor, subject and detail. */
	private List<String> revocations() {
		return this.jdbc.queryForList("""
				select actor || ' ' || subject || ' ' || detail from audit_events
				where action = 'TOKEN_REVOKED' order by id""", String.class);
	}

	private static void assertInvalidToken(Response response) {
		assertUnauthorized(response);
		assertThat(response.challenges()).singleElement().asString().contains("error=\"invalid_token\"");
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
