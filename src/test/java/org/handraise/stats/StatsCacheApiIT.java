package org.handraise.stats;

import java.util.List;
import java.util.Map;

import org.handraise.support.Api;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.GRACE;
import static org.handraise.support.DemoCast.MARIA;
import static org.handraise.support.DemoCast.OLGA;

/**
 * The statistics cache as it runs in production ({@code handraise.stats.cache-for}, here
 * an hour so that only a change can end a report): a change made through the application
 * shows at once, a change it was not told about (another instance, here a hand-made
 * delete) only when the report is computed again, and who may ask is checked before any
 * kept report is served.
 */
@TestPropertySource(properties = "handraise.stats.cache-for=1h")
class StatsCacheApiIT extends PostgresIntegrationTest {

	@Autowired
	private StatsCache cache;

	private Api api;

	@BeforeEach
	void people() {
		// the tables were emptied behind the cache's back
		this.cache.invalidate();
		this.api = new Api(baseUrl());
		seed(ALICE, MARIA, GRACE, OLGA);
	}

	@Test
	void aRequestPostedThroughTheApplicationShowsAtOnce() {
		assertThat(posted("grace")).isZero();
		post("alice");
		assertThat(posted("grace")).isEqualTo(1);
		long id = post("alice");
		assertThat(posted("grace")).isEqualTo(2);
		assertThat(this.api.post("/api/requests/" + id + "/claim", "maria", PASSWORD, null).status()).isEqualTo(200);
		assertThat(this.api.get("/api/stats", "grace", PASSWORD).json().get("requests").get("stillOpen").asLong())
			.isEqualTo(2);
	}

	@Test
	void aReportIsServedAgainUntilSomethingChangesThroughTheApplication() {
		post("alice");
		String first = this.api.get("/api/stats", "grace", PASSWORD).body();
		// what another instance's change would look like to this one: nothing told the
		// cache
		this.jdbc.update("delete from stats_day");
		assertThat(this.api.get("/api/stats", "olga", PASSWORD).body()).as("the same report, for an admin too")
			.isEqualTo(first);
		assertThat(posted("grace")).isEqualTo(1);

		post("alice"); // this instance's change: every report is computed again
		assertThat(posted("grace")).as("the roll-up now holds only the second request").isEqualTo(1);
		assertThat(this.api.get("/api/stats", "grace", PASSWORD).body()).isNotEqualTo(first);
	}

	@Test
	void whoMayAskIsCheckedBeforeAKeptReportIsServed() {
		post("alice");
		assertThat(this.api.get("/api/stats", "grace", PASSWORD).status()).isEqualTo(200);
		assertThat(this.api.get("/api/stats", "alice", PASSWORD).status()).isEqualTo(403);
		assertThat(this.api.get("/api/stats", "maria", PASSWORD).status()).isEqualTo(403);
		assertThat(this.api.get("/api/stats.csv", "alice", PASSWORD).status()).isEqualTo(403);
		assertThat(this.api.get("/api/stats", "alice", "wrong").status()).isEqualTo(401);
	}

	@Test
	void anUnknownTeamIsStillABadRequestTheSecondTime() {
		for (int i = 0; i < 2; i++) {
			Api.Response response = this.api.get("/api/stats?team=Nope", "grace", PASSWORD);
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.isProblem()).isTrue();
		}
	}

	private long posted(String manager) {
		Api.Response response = this.api.get("/api/stats", manager, PASSWORD);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("requests").get("posted").asLong();
	}

	private long post(String author) {
		Api.Response posted = this.api.post("/api/requests", author, PASSWORD,
				Map.of("title", "How do I read a flame graph?", "details",
						"I profiled the service and cannot tell which frames matter.", "topics", List.of("java")));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		return posted.json().get("id").asLong();
	}

}
