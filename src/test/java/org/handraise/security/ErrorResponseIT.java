package org.handraise.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.handraise.stats.StatsService;
import org.handraise.support.Api;
import org.handraise.support.CapturedLog;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.GRACE;
import static org.handraise.support.DemoCast.OLGA;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * Errors and the attack surface: no error response (API or page; 400, 401, 403, 404, 405,
 * 409, 500) carries a stack trace, an exception class, SQL or an internal path; the H2
 * console does not exist; actuator endpoints other than health and info are for
 * administrators only. (A page answers a state refusal, the API's 409, with a redirect to
 * a page that says why not; that page is checked too.) The 500 is forced by a statistics
 * service that fails with SQL and a file path in its message, as a broken query would.
 */
class ErrorResponseIT extends PostgresIntegrationTest {

	/** Where Tomcat logs a request that failed with an exception. */
	private static final String SERVLET_ERRORS = "org.apache.catalina.core.ContainerBase";

	private static final String SECRET_SQL = "select password_hash from people where username = 'olga'";

	private static final List<Pattern> LEAKS = List.of(Pattern.compile("(?i)exception"),
			Pattern.compile("\\bat (org|java|jdk|jakarta|com|sun)\\.[\\w.$]+\\("),
			Pattern.compile("org\\.(handraise|springframework|hibernate|postgresql|apache)\\."),
			Pattern.compile("java\\.(lang|sql|io|util)\\."), Pattern.compile("\\.java\\b"),
			Pattern.compile("(?i)password_hash|syntax error|select \\w+ from|SQLState|bad SQL grammar"),
			Pattern.compile("/(srv|home|tmp|work|root|usr)/"), Pattern.compile("(?i)\"trace\""),
			Pattern.compile("(?i)stack ?trace"));

	@MockitoBean
	private StatsService stats;

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, GRACE, OLGA);
		BadSqlGrammarException broken = new BadSqlGrammarException("stats", SECRET_SQL, new SQLException(
				"ERROR: syntax error at /srv/handraise/src/main/java/org/handraise/Secret.java", "42601"));
		given(this.stats.today()).willThrow(broken);
		given(this.stats.report(any())).willThrow(broken);
	}

	@Test
	void apiErrorsNeverShowInternals() {
		long cancelled = cancelledRequestOfAlice();
		assertProblem(this.api.get("/api/requests/999999", "alice", PASSWORD), 404);
		assertProblem(this.api.get("/api/no-such-thing", "alice", PASSWORD), 404);
		assertProblem(this.api.get("/api/requests/not-a-number", "alice", PASSWORD), 400);
		assertProblem(this.api.send("GET", "/api/requests/" + cancelled + "/claim", "alice", PASSWORD, null), 405);
		assertProblem(this.api.send("DELETE", "/api/requests", "alice", PASSWORD, null), 405);
		assertProblem(this.api.post("/api/requests", "alice", PASSWORD, "{\"title\": \"unfinished"), 400);
		assertProblem(this.api.post("/api/requests", "alice", PASSWORD, "{\"title\": [1, 2], \"topics\": {}}"), 400);
		assertProblem(this.api.post("/api/requests/" + cancelled + "/resolve", "alice", PASSWORD, null), 409);
		assertProblem(this.api.get("/api/stats", "bob", PASSWORD), 403);
		assertProblem(this.api.get("/api/requests", null, null), 401);
		assertProblem(this.api.get("/api/requests", "alice", "wrong-password"), 401);
		Api.Response broken;
		try (CapturedLog log = CapturedLog.of(SERVLET_ERRORS)) {
			broken = this.api.get("/api/stats", "grace", PASSWORD);
			assertLoggedForOperators(log);
		}
		assertThat(broken.status()).as("the forced failure").isEqualTo(500);
		assertThat(broken.body()).as("no message either").doesNotContain("\"message\"");
		assertNoLeak("GET /api/stats (500)", broken.body());
	}

	@Test
	void pageErrorsNeverShowInternals() {
		long cancelled = cancelledRequestOfAlice();
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		assertPage(alice.get("/requests/999999"), 404);
		assertPage(alice.get("/no-such-page"), 404);
		assertPage(alice.get("/requests/not-a-number"), 404);
		assertPage(alice.get("/requests/" + cancelled + "/claim"), 405);
		// a state refusal (the API's 409) is, on a page, a redirect to a page that says
		// why not
		PageClient.Response refused = alice.post("/requests/" + cancelled + "/resolve", Map.of());
		assertThat(refused.status()).isEqualTo(302);
		assertPage(alice.follow(refused), 200);
		assertPage(alice.postRaw("/requests/" + cancelled + "/resolve", Map.of()), 403);
		assertPage(PageClient.signedIn(baseUrl(), "bob", PASSWORD).get("/admin/audit"), 403);
		try (CapturedLog log = CapturedLog.of(SERVLET_ERRORS)) {
			assertPage(PageClient.signedIn(baseUrl(), "grace", PASSWORD).get("/stats"), 500);
			assertPage(PageClient.signedIn(baseUrl(), "grace", PASSWORD).get("/stats/export.csv"), 500);
			assertThat(log.errors()).as("both failures, logged for operators").hasSize(2);
			assertLoggedForOperators(log);
		}
	}

	/**
	 * The forced failure is in the server's log, whole (for operators), while its
	 * response showed none of it.
	 */
	private static void assertLoggedForOperators(CapturedLog log) {
		assertThat(log.errors()).as("the forced failure is logged").isNotEmpty().allSatisfy((event) -> {
			assertThat(event.getThrowableProxy()).isNotNull();
			assertThat(event.getFormattedMessage()).contains("BadSqlGrammarException");
		});
	}

	@Test
	void theErrorEndpointItselfShowsNothingInternal() {
		for (String accept : List.of("application/json", "text/html")) {
			HttpResponse<String> error = raw("GET", "/error", accept, null, Map.of());
			assertNoLeak("GET /error as " + accept, error.body());
		}
	}

	@Test
	void thereIsNoH2Console() {
		for (String path : List.of("/h2-console", "/h2-console/", "/h2-console/login.do")) {
			PageClient.Response anonymous = PageClient.anonymous(baseUrl()).get(path);
			assertThat(anonymous.redirectsToLogin()).as(path + " for a visitor").isTrue();
			PageClient.Response admin = PageClient.signedIn(baseUrl(), "olga", PASSWORD).get(path);
			assertThat(admin.status()).as(path + " for an administrator").isEqualTo(404);
			assertThat(admin.body()).doesNotContainIgnoringCase("h2 console").doesNotContain("jdbc:");
		}
	}

	@Test
	void actuatorEndpointsOtherThanHealthAndInfoAreForAdministratorsOnly() {
		for (String open : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
				"/actuator/info")) {
			HttpResponse<String> response = raw("GET", open, "application/json", null, Map.of());
			assertThat(response.statusCode()).as(open).isEqualTo(200);
			assertThat(response.body()).as(open + " shows no details to a visitor").doesNotContain("\"components\"");
		}
		for (String closed : List.of("/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
				"/actuator/prometheus", "/actuator/env", "/actuator/beans", "/actuator/configprops",
				"/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings",
				"/actuator/shutdown", "/actuator/sessions", "/actuator/flyway")) {
			assertThat(raw("GET", closed, "application/json", null, Map.of()).statusCode()).as(closed + ", nobody")
				.isEqualTo(401);
			assertThat(raw("GET", closed, "application/json", "bob", Map.of()).statusCode()).as(closed + ", bob")
				.isEqualTo(403);
			assertThat(raw("GET", closed, "application/json", "grace", Map.of()).statusCode())
				.as(closed + ", a manager")
				.isEqualTo(403);
			assertNoLeak(closed, raw("GET", closed, "application/json", "bob", Map.of()).body());
		}
		assertThat(raw("GET", "/actuator/metrics", "application/json", "olga", Map.of()).statusCode()).isEqualTo(200);
		assertThat(raw("GET", "/actuator/prometheus", "text/plain", "olga", Map.of()).statusCode()).isEqualTo(200);
		for (String notExposed : List.of("/actuator/env", "/actuator/heapdump", "/actuator/beans",
				"/actuator/shutdown")) {
			assertThat(raw("GET", notExposed, "application/json", "olga", Map.of()).statusCode())
				.as(notExposed + " is not exposed even to an administrator")
				.isEqualTo(404);
		}
	}

	private long cancelledRequestOfAlice() {
		Api.Response posted = this.api.post("/api/requests", "alice", PASSWORD,
				Map.of("title", "How do I read a heap dump?", "details", "The service runs out of memory at night.",
						"topics", List.of("java")));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		long id = posted.json().get("id").asLong();
		assertThat(this.api.post("/api/requests/" + id + "/cancel", "alice", PASSWORD, null).status()).isEqualTo(200);
		return id;
	}

	private static void assertProblem(Api.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.isProblem()).as("problem+json for " + status + ": " + response.contentType()).isTrue();
		assertNoLeak(status + " " + response.body(), response.body());
	}

	private static void assertPage(PageClient.Response response, int status) {
		assertThat(response.status()).as("status").isEqualTo(status);
		assertNoLeak("page " + status, response.body());
	}

	private static void assertNoLeak(String what, String body) {
		for (Pattern leak : LEAKS) {
			assertThat(leak.matcher(body).find()).as(what + " matches " + leak + ":\n" + body).isFalse();
		}
	}

	private HttpResponse<String> raw(String method, String path, String accept, String user,
			Map<String, String> headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", accept)
				.method(method, HttpRequest.BodyPublishers.noBody());
			if (user != null) {
				request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
			}
			headers.forEach(request::header);
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
