package org.handraise.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ERIN;

/**
 * Visitors who are not signed in: a page they may not see sends them to the sign-in form
 * without storing a session (the page they asked for waits in a cookie), and after
 * signing in they land on that page. Only the sign-in form itself needs a session, for
 * its CSRF token.
 */
class AnonymousVisitIT extends PostgresIntegrationTest {

	private static final List<String> PAGES = List.of("/", "/requests", "/requests?status=OPEN", "/requests/1",
			"/stats", "/admin/people", "/admin/audit", "/people/alice", "/thanks", "/profile", "/no-such-page");

	@BeforeEach
	void people() {
		seed(ERIN);
	}

	@Test
	void anonymousVisitsOfPagesStoreNoSession() {
		int before = anonymousSessions();
		for (int round = 0; round < 3; round++) {
			for (String page : PAGES) {
				HttpResponse<String> response = crawl(page);
				assertThat(response.statusCode()).as(page).isEqualTo(302);
				assertThat(response.headers().firstValue("Location").orElse("")).as(page).endsWith("/login");
				assertThat(response.headers().allValues("Set-Cookie")).as(page)
					.noneMatch((cookie) -> cookie.startsWith("SESSION="));
			}
		}
		assertThat(anonymousSessions()).isEqualTo(before);
	}

	@Test
	void theSignInFormStillHasASessionForItsCsrfToken() {
		int before = anonymousSessions();
		PageClient visitor = PageClient.anonymous(baseUrl());
		assertThat(visitor.cookie("SESSION")).isNotNull();
		assertThat(anonymousSessions()).isEqualTo(before + 1);
		assertThat(visitor.post("/login", Map.of("username", "erin", "password", PASSWORD)).redirectPath())
			.isEqualTo("/");
	}

	@Test
	void afterSigningInTheVisitorLandsOnThePageTheyAskedFor() {
		PageClient visitor = PageClient.anonymous(baseUrl());
		assertThat(visitor.get("/requests?status=OPEN&sort=OLDEST").redirectsToLogin()).isTrue();
		visitor.get("/login");
		PageClient.Response signIn = visitor.post("/login", Map.of("username", "erin", "password", PASSWORD));
		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.location()).isEqualTo(baseUrl() + "/requests?status=OPEN&sort=OLDEST");
		PageClient.Response landed = visitor.follow(signIn);
		assertThat(landed.status()).isEqualTo(200);
		// the saved page is used once: the next sign-in goes home
		assertThat(visitor.post("/logout", Map.of()).status()).isEqualTo(302);
		visitor.get("/login");
		assertThat(visitor.post("/login", Map.of("username", "erin", "password", PASSWORD)).redirectPath())
			.isEqualTo("/");
	}

	@Test
	void aPostIsNotSavedForAfterSigningIn() {
		PageClient visitor = PageClient.anonymous(baseUrl());
		visitor.post("/requests/1/cancel", Map.of());
		PageClient.Response signIn = visitor.post("/login", Map.of("username", "erin", "password", PASSWORD));
		assertThat(signIn.redirectPath()).isEqualTo("/");
	}

	/** A crawler: no cookies, a fresh client each time. */
	private HttpResponse<String> crawl(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
					.timeout(Duration.ofSeconds(30))
					.header("Accept", "text/html")
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private int anonymousSessions() {
		return this.jdbc.queryForObject("select count(*) from spring_session where principal_name is null",
				Integer.class);
	}

}
