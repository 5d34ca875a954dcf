package org.handraise.security;

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

import org.handraise.support.Api;
import org.handraise.support.DemoCast;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser must not be a way into the API: a call whose {@code Origin} is another site's
 * is refused before the credentials are even looked at (a browser sends Basic credentials
 * it has cached to any site's form post), and a browser is never asked for Basic
 * credentials, so it has none to cache. Scripts and curl keep the Basic challenge.
 */
class CrossSiteApiIT extends PostgresIntegrationTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final String ALICE = "Basic "
			+ Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(DemoCast.ALICE);
	}

	@Test
	void aCrossSiteFormPostWithCachedCredentialsChangesNothing() {
		long id = ask();
		for (String origin : List.of("http://evil.example", "null", "http://localhost:" + (this.port + 1),
				"https://localhost:" + this.port, "http://localhost.evil.example:" + this.port)) {
			Response refused = call("POST", "/api/requests/" + id + "/cancel", Map.of("Authorization", ALICE, "Origin",
					origin, "Content-Type", "application/x-www-form-urlencoded"), "");
			assertThat(refused.status()).as("%s: %s", origin, refused.body()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(status(id)).as(origin).isEqualTo("OPEN");
		}
		Response read = call("GET", "/api/requests/" + id,
				Map.of("Authorization", ALICE, "Origin", "http://evil.example"), null);
		assertThat(read.status()).isEqualTo(403);
		assertThat(read.body()).doesNotContain("Help with");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_events where action = 'ACCESS_DENIED' and detail = 'cross-site request'",
				Integer.class))
			.isEqualTo(6);
	}

	@Test
	void theAppsOwnOriginOrNoneWorks() {
		long first = ask();
		Response own = call("POST", "/api/requests/" + first + "/cancel",
				Map.of("Authorization", ALICE, "Origin", "http://localhost:" + this.port), "");
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(status(first)).isEqualTo("CANCELLED");

		long second = ask();
		Response none = call("POST", "/api/requests/" + second + "/cancel", Map.of("Authorization", ALICE), "");
		assertThat(none.status()).as(none.body()).isEqualTo(200);
		assertThat(status(second)).isEqualTo("CANCELLED");
	}

	@Test
	void aBrowserIsNeverAskedForBasicCredentials() {
		List<Map<String, String>> browsers = List.of(Map.of("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site", "none"),
				Map.of("Sec-Fetch-Mode", "cors", "Sec-Fetch-Site", "same-origin"),
				Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
				Map.of("X-Requested-With", "XMLHttpRequest"));
		for (Map<String, String> browser : browsers) {
			Response anonymous = call("GET", "/api/me", browser, null);
			assertThat(anonymous.status()).as("%s", browser).isEqualTo(401);
			assertThat(anonymous.contentType()).startsWith("application/problem+json");
			assertThat(anonymous.challenges()).as("%s", browser).containsExactly("Bearer realm=\"Handraise\"");

			Map<String, String> wrong = new java.util.HashMap<>(browser);
			wrong.put("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("alice:wrong".getBytes(StandardCharsets.UTF_8)));
			Response wrongPassword = call("GET", "/api/me", wrong, null);
			assertThat(wrongPassword.status()).isEqualTo(401);
			assertThat(wrongPassword.challenges()).as("%s", browser).containsExactly("Bearer realm=\"Handraise\"");
		}
	}

	@Test
	void curlIsStillAskedForBasicCredentials() {
		for (Map<String, String> script : List.of(Map.<String, String>of(), Map.of("Accept", "*/*"),
				Map.of("Accept", "application/json"), Map.of("User-Agent", "curl/8.5.0", "Accept", "*/*"))) {
			Response anonymous = call("GET", "/api/me", script, null);
			assertThat(anonymous.status()).isEqualTo(401);
			assertThat(anonymous.challenges()).as("%s", script)
				.containsExactly("Basic realm=\"Handraise\"", "Bearer realm=\"Handraise\"");
		}
		assertThat(this.api.get("/api/me", "alice", PASSWORD).status()).isEqualTo(200);
	}

	private long ask() {
		Api.Response posted = this.api.post("/api/requests", "alice", PASSWORD,
				Map.of("title", "Help with SQL", "details", "A join is slow."));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		return posted.json().get("id").asLong();
	}

	private String status(long id) {
		return this.jdbc.queryForObject("select status from help_requests where id = ?", String.class, id);
	}

	private Response call(String method, String path, Map<String, String> headers, String body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
						: HttpRequest.BodyPublishers.noBody());
			headers.forEach(request::header);
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
	}

}
