package org.handraise.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;

/**
 * Behind a trusted proxy (the default: loopback, as nginx on the same host) with the
 * forwarded headers switched on as on the {@code postgres} profile: the proxy's
 * {@code X-Forwarded-For} is the client address the audit log records, and
 * {@code X-Forwarded-Proto: https} makes the session cookie Secure and adds HSTS. The
 * counterpart, the same headers from an untrusted address, is {@link ProxyHeaderIT}.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class TrustedProxyIT extends PostgresIntegrationTest {

	@BeforeEach
	void people() {
		seed(ALICE);
	}

	@Test
	void theTrustedProxysForwardedForIsTheRecordedAddress() {
		HttpResponse<String> failed = send("/api/me", "203.0.113.7", "http", "Basic YWxpY2U6d3Jvbmc=");
		assertThat(failed.statusCode()).isEqualTo(401);
		assertThat(this.jdbc.queryForList("select client_address from audit_events where action = 'LOGIN_FAILURE'",
				String.class))
			.containsExactly("203.0.113.7");
	}

	@Test
	void behindHttpsTheSessionCookieIsSecureAndHstsIsSent() {
		HttpResponse<String> login = send("/login", "203.0.113.7", "https", null);
		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=")
				.containsIgnoringCase("; Secure")
				.containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Lax"));
		assertThat(login.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");
		HttpResponse<String> plain = send("/login", "203.0.113.7", "http", null);
		assertThat(plain.headers().allValues("Set-Cookie"))
			.noneSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("; Secure"));
	}

	private HttpResponse<String> send(String path, String forwardedFor, String proto, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("X-Forwarded-For", forwardedFor)
			.header("X-Forwarded-Proto", proto);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
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
