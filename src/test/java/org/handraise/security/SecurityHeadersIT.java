package org.handraise.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.GRACE;

/**
 * Cookies and headers: the session cookie is HttpOnly and SameSite=Lax; every response
 * has the Content-Security-Policy (no inline script), nosniff, a strict referrer policy
 * and no framing; authenticated responses are not cached; text responses name their
 * charset; no template has inline script, event handlers or inline styles that the policy
 * would block.
 */
class SecurityHeadersIT extends PostgresIntegrationTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeEach
	void people() {
		seed(ALICE, GRACE);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() {
		HttpResponse<String> login = get("/login", null, null);
		List<String> cookies = login.headers().allValues("Set-Cookie");
		assertThat(cookies).anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));
	}

	@Test
	void everyResponseCarriesTheStrictHeaders() {
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		String session = alice.cookie("SESSION");
		for (String path : List.of("/login", "/", "/requests", "/profile", "/css/handraise.css", "/js/handraise.js",
				"/no-such-page", "/api/me", "/api/requests", "/actuator/health")) {
			HttpResponse<String> response = path.startsWith("/api") ? get(path, "alice", null)
					: get(path, null, session);
			String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(csp).as(path)
				.contains("script-src 'self'")
				.contains("object-src 'none'")
				.contains("base-uri 'none'")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
				.hasValue("strict-origin-when-cross-origin");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
		}
	}

	@Test
	void authenticatedResponsesAreNotCachedAndTextNamesItsCharset() {
		String session = PageClient.signedIn(baseUrl(), "grace", PASSWORD).cookie("SESSION");
		for (String path : List.of("/", "/requests", "/profile", "/stats", "/stats/export.csv")) {
			HttpResponse<String> page = get(path, null, session);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-store");
			assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path)
				.containsIgnoringCase("charset=UTF-8");
		}
		for (String path : List.of("/api/me", "/api/requests", "/api/stats.csv")) {
			HttpResponse<String> api = get(path, "grace", null);
			assertThat(api.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-store");
		}
		for (String path : List.of("/login", "/css/handraise.css", "/js/handraise.js", "/api/stats.csv",
				"/no-such-page")) {
			HttpResponse<String> text = get(path, path.startsWith("/api") ? "grace" : null, session);
			String type = text.headers().firstValue("Content-Type").orElse("");
			if (type.startsWith("text/")) {
				assertThat(type).as(path).containsIgnoringCase("charset=UTF-8");
			}
		}
	}

	@Test
	void noTemplateHasInlineScriptEventHandlersOrInlineStyles() throws IOException {
		Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
		Pattern handler = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
		Pattern style = Pattern.compile("<style|\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE);
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			List<Path> templates = files.filter((p) -> p.toString().endsWith(".html")).toList();
			assertThat(templates).isNotEmpty();
			for (Path template : templates) {
				String html = Files.readString(template, StandardCharsets.UTF_8);
				assertThat(inlineScript.matcher(html).find()).as(template + ": inline <script>").isFalse();
				assertThat(handler.matcher(html).find()).as(template + ": on* attribute").isFalse();
				assertThat(style.matcher(html).find()).as(template + ": inline style").isFalse();
			}
		}
	}

	private HttpResponse<String> get(String path, String user, String session) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.timeout(Duration.ofSeconds(30));
			if (user != null) {
				request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
			}
			if (session != null) {
				request.header("Cookie", "SESSION=" + session);
			}
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
