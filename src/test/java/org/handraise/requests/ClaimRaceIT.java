package org.handraise.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.handraise.people.Role;
import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;

/**
 * Many mentors claim the same open request at the same moment, over HTTP: exactly one
 * wins, everyone else is told 409, and the database holds exactly one claim.
 */
class ClaimRaceIT extends PostgresIntegrationTest {

	private static final int MENTORS = 16;

	private static final int ROUNDS = 4;

	@Autowired
	private RequestCommands requests;

	private Api api;

	private ExecutorService pool;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		this.pool = Executors.newFixedThreadPool(MENTORS);
		seed(ALICE);
		for (int i = 1; i <= MENTORS; i++) {
			person(mentor(i), "Platform", List.of("java"), Role.MENTOR);
		}
	}

	@AfterEach
	void stopThreads() {
		this.pool.shutdownNow();
	}

	@Test
	void exactlyOneOfManyMentorsClaimingOverTheApiAtTheSameMomentWins() throws Exception {
		for (int round = 1; round <= ROUNDS; round++) {
			long id = openRequest(round);
			CountDownLatch ready = new CountDownLatch(MENTORS);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Api.Response>> calls = new ArrayList<>();
			for (int i = 1; i <= MENTORS; i++) {
				String mentor = mentor(i);
				calls.add(this.pool.submit(() -> {
					ready.countDown();
					start.await();
					return this.api.post("/api/requests/" + id + "/claim", mentor, PASSWORD, null);
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			start.countDown();

			List<String> winners = new ArrayList<>();
			for (int i = 0; i < MENTORS; i++) {
				Api.Response response = calls.get(i).get(30, TimeUnit.SECONDS);
				assertThat(response.status()).as("round %d, %s: %s", round, mentor(i + 1), response.body())
					.isIn(200, 409);
				if (response.status() == 200) {
					winners.add(mentor(i + 1));
					assertThat(response.json().get("claimedBy").get("username").asString()).isEqualTo(mentor(i + 1));
				}
				else {
					assertThat(response.isProblem()).isTrue();
					assertThat(response.json().get("status").asInt()).isEqualTo(409);
					assertThat(response.json().get("detail").asString()).isNotBlank();
				}
			}
			assertThat(winners).as("round %d: mentors whose claim was accepted", round).hasSize(1);
			assertExactlyOneClaimBy(id, winners.get(0));
		}
	}

	@Test
	void exactlyOneOfManyMentorsClaimingThroughThePagesAtTheSameMomentWins() throws Exception {
		// Signed-in sessions: no password hashing in the race itself, so the claims
		// really overlap.
		List<PageClient> sessions = new ArrayList<>();
		for (int i = 1; i <= MENTORS; i++) {
			sessions.add(PageClient.signedIn(baseUrl(), mentor(i), PASSWORD));
		}
		for (int round = 1; round <= ROUNDS; round++) {
			long id = openRequest(round);
			CountDownLatch ready = new CountDownLatch(MENTORS);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<PageClient.Response>> calls = new ArrayList<>();
			for (PageClient session : sessions) {
				calls.add(this.pool.submit(() -> {
					ready.countDown();
					start.await();
					return session.post("/requests/" + id + "/claim", Map.of());
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			start.countDown();

			List<String> winners = new ArrayList<>();
			for (int i = 0; i < MENTORS; i++) {
				PageClient.Response response = calls.get(i).get(30, TimeUnit.SECONDS);
				assertThat(response.status()).as("round %d, %s", round, mentor(i + 1)).isEqualTo(302);
				PageClient.Response next = sessions.get(i).follow(response);
				assertThat(next.status()).isEqualTo(200);
				boolean won = next.body().contains("alert-success");
				boolean refused = next.body().contains("alert-warning");
				assertThat(won ^ refused).as("round %d, %s is told either way", round, mentor(i + 1)).isTrue();
				if (won) {
					winners.add(mentor(i + 1));
				}
			}
			assertThat(winners).as("round %d: mentors told their claim worked", round).hasSize(1);
			assertExactlyOneClaimBy(id, winners.get(0));
		}
	}

	private long openRequest(int round) {
		return this.requests
			.post("alice",
					new RequestDraft("Race round " + round + ": who takes my Kafka question?",
							"Consumers in one group see the same message twice.", null, List.of("java"), "HIGH", false))
			.id();
	}

	private void assertExactlyOneClaimBy(long id, String winner) {
		Integer claims = this.jdbc.queryForObject(
				"select count(*) from request_events where request_id = ? and to_status = 'CLAIMED'", Integer.class,
				id);
		assertThat(claims).as("CLAIMED events for request %d", id).isEqualTo(1);
		Map<String, Object> row = this.jdbc.queryForMap("""
				select r.status, p.username as claimer
				from help_requests r left join people p on p.id = r.claimed_by_id where r.id = ?""", id);
		assertThat(row.get("status")).isEqualTo("CLAIMED");
		assertThat(row.get("claimer")).isEqualTo(winner);
		String actor = this.jdbc.queryForObject("""
				select p.username from request_events e join people p on
				p.id = e.actor_id where e.request_id = ? and e.to_status = 'CLAIMED'""", String.class, id);
		assertThat(actor).isEqualTo(winner);
	}

	private static String mentor(int i) {
		return "mentor%02d".formatted(i);
	}

}
