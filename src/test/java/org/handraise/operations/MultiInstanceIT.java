package org.handraise.operations;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.handraise.people.PeopleService;
import org.handraise.people.Role;
import org.handraise.support.Instances;
import org.handraise.support.Api;
import org.handraise.support.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two identical instances on one PostgreSQL, migrating at the same moment on an empty
 * database, as behind a load balancer: Flyway leaves one clean history, a session moves
 * between them, logout on one ends it on the other, sixteen claims of one request spread
 * over both give exactly one winner, and both answer alike.
 */
class MultiInstanceIT {

	private static final String PASSWORD = "multi-instance-pw";

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static String jdbcUrl;

	private static int migrationsApplied;

	private static int migrate(String url, CountDownLatch gate) {
		try {
			gate.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Flyway.configure()
			.dataSource(url, "postgres", "")
			.locations("classpath:db/migration", "classpath:db/vendor/postgresql")
			.load()
			.migrate().migrationsExecuted;
	}

	@BeforeAll
	static void startTwoInstancesTogether() throws Exception {
		jdbcUrl = EmbeddedPostgres.freshDatabase("multi_instance");
		// Two instances' Flyway runs at the same moment on the empty database (two Spring
		// applications cannot boot concurrently inside one JVM, so the race is staged
		// with the same migrations and settings).
		CountDownLatch gate = new CountDownLatch(1);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> migrate(jdbcUrl, gate));
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> migrate(jdbcUrl, gate));
		gate.countDown();
		migrationsApplied = first.get() + second.get();
		a = start(jdbcUrl);
		b = start(jdbcUrl);
		PasswordEncoder encoder = a.getBean(PasswordEncoder.class);
		PeopleService people = a.getBean(PeopleService.class);
		String hash = encoder.encode(PASSWORD);
		people.seed("alice", "Alice", "Platform", List.of(), List.of(), hash, null);
		people.seed("dora", "Dora", "Platform", List.of(), List.of(), hash, null);
		for (int i = 1; i <= 16; i++) {
			people.seed("mentor" + i, "Mentor " + i, "Platform", List.of(Role.MENTOR), List.of("java"), hash, null);
		}
	}

	@AfterAll
	static void stop() {
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return Instances.start(url);
	}

	private static String base(ConfigurableApplicationContext context) {
		return Instances.base(context);
	}

	@Test
	void failedSignInsCountOverBothInstancesAndTheLockHoldsOnBoth() {
		Api onA = new Api(base(a));
		Api onB = new Api(base(b));
		for (int i = 0; i < 5; i++) {
			assertThat(((i % 2 == 0) ? onA : onB).get("/api/me", "dora", "wrong-password-" + i).status())
				.isEqualTo(401);
		}
		assertThat(onA.get("/api/me", "dora", PASSWORD).status()).as("locked on a").isEqualTo(401);
		assertThat(onB.get("/api/me", "dora", PASSWORD).status()).as("locked on b").isEqualTo(401);
		assertThat(onB.get("/api/me", "alice", PASSWORD).status()).as("another account").isEqualTo(200);
	}

	@Test
	void flywayMigratedOnceFromTwoInstancesStartedTogether() {
		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
		List<Map<String, Object>> history = jdbc.queryForList(
				"select version, success from flyway_schema_history where version is not null order by installed_rank");
		List<String> versions = history.stream().map((row) -> String.valueOf(row.get("version"))).toList();
		assertThat(versions).doesNotHaveDuplicates().startsWith("1", "2", "3", "4");
		assertThat(history).allSatisfy((row) -> assertThat(row.get("success")).isEqualTo(true));
		assertThat(migrationsApplied).as("each migration ran once, by one of the two").isEqualTo(versions.size());
	}

	@Test
	void aSessionStartedOnOneInstanceWorksOnTheOtherAndLogoutEndsItEverywhere() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String loginPage = get(browser, base(a) + "/login").body();
		HttpResponse<String> login = post(browser, base(a) + "/login",
				Map.of("username", "alice", "password", PASSWORD, "_csrf", csrf(loginPage)));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

		HttpResponse<String> homeOnB = get(browser, base(b) + "/");
		assertThat(homeOnB.statusCode()).isEqualTo(200);
		assertThat(homeOnB.body()).contains("alice");

		HttpResponse<String> logoutOnB = post(browser, base(b) + "/logout", Map.of("_csrf", csrf(homeOnB.body())));
		assertThat(logoutOnB.statusCode()).isEqualTo(302);
		HttpResponse<String> homeOnA = get(browser, base(a) + "/");
		assertThat(homeOnA.statusCode()).isEqualTo(302);
		assertThat(homeOnA.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void sixteenClaimsOverBothInstancesHaveExactlyOneWinner() throws Exception {
		Api onA = new Api(base(a));
		Api onB = new Api(base(b));
		for (int round = 0; round < 3; round++) {
			long id = onA
				.post("/api/requests", "alice", PASSWORD, Map.of("title", "Race round " + round + ": who claims first?",
						"details", "Sixteen mentors at once."))
				.json()
				.get("id")
				.asLong();
			CountDownLatch gate = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(16);
			List<Future<Api.Response>> claims = new ArrayList<>();
			for (int i = 1; i <= 16; i++) {
				Api api = (i % 2 == 0) ? onA : onB;
				String mentor = "mentor" + i;
				claims.add(pool.submit(() -> {
					gate.await();
					return api.post("/api/requests/" + id + "/claim", mentor, PASSWORD, null);
				}));
			}
			gate.countDown();
			List<Api.Response> responses = new ArrayList<>();
			for (Future<Api.Response> claim : claims) {
				responses.add(claim.get());
			}
			pool.shutdown();
			Map<Integer, Long> byStatus = responses.stream()
				.collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
			assertThat(byStatus).containsOnlyKeys(200, 409).containsEntry(200, 1L).containsEntry(409, 15L);
			assertThat(responses.stream().filter((r) -> r.status() == 409))
				.allSatisfy((r) -> assertThat(r.isProblem()).isTrue());
			String winner = responses.stream()
				.filter((r) -> r.status() == 200)
				.findFirst()
				.orElseThrow()
				.json()
				.get("claimedBy")
				.get("username")
				.asString();

			JsonNode fromA = onA.get("/api/requests/" + id, "alice", PASSWORD).json();
			JsonNode fromB = onB.get("/api/requests/" + id, "alice", PASSWORD).json();
			assertThat(fromA).isEqualTo(fromB);
			assertThat(fromA.get("claimedBy").get("username").asString()).isEqualTo(winner);
			Integer claimEvents = a.getBean(JdbcTemplate.class)
				.queryForObject("select count(*) from request_events where request_id = ? and to_status = 'CLAIMED'",
						Integer.class, id);
			assertThat(claimEvents).isEqualTo(1);
		}
	}

	private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(HttpClient client, String url, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return client.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

}
