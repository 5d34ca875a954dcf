package org.handraise.audit;

import java.util.List;
import java.util.Map;

import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.MARIA;
import static org.handraise.support.DemoCast.OLGA;

/**
 * The audit log's 403s (wrong role, a service's refusal, a missing CSRF token; API, pages
 * and actuator) and the request lifecycle transitions merged in from
 * {@code request_events}, with anonymous authors masked even for administrators.
 */
class AuditTrailIT extends PostgresIntegrationTest {

	private Api api;

	private long anonymousRequest;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, MARIA, OLGA);
		Api.Response posted = this.api.post("/api/requests", "alice", PASSWORD,
				Map.of("title", "Is it normal that code review makes me anxious?", "details",
						"I freeze before every review of my pull requests.", "topics", List.of("java"), "anonymous",
						true));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		this.anonymousRequest = posted.json().get("id").asLong();
	}

	@Test
	void everyRefusalIsAuditedWithWhoWhatAndWhere() {
		long id = this.anonymousRequest;
		assertThat(this.api.get("/api/stats", "bob", PASSWORD).status()).as("role, API").isEqualTo(403);
		assertThat(this.api.post("/api/requests/" + id + "/claim", "bob", PASSWORD, null).status())
			.as("refused by the service, API")
			.isEqualTo(403);
		assertThat(this.api.get("/actuator/metrics", "bob", PASSWORD).status()).as("role, actuator").isEqualTo(403);
		PageClient bob = PageClient.signedIn(baseUrl(), "bob", PASSWORD);
		assertThat(bob.get("/admin/audit").status()).as("role, page").isEqualTo(403);
		assertThat(bob.post("/requests/" + id + "/resolve", Map.of()).status()).as("refused by the service, page")
			.isEqualTo(403);
		assertThat(bob.postRaw("/profile/sessions/end-others", Map.of()).status()).as("no CSRF token").isEqualTo(403);

		List<Map<String, Object>> denied = this.jdbc.queryForList("""
				select actor, subject, detail, request_id,
				instance_id, client_address from audit_events where action = 'ACCESS_DENIED' order by id""");
		assertThat(denied).extracting((row) -> row.get("subject"))
			.containsExactly("GET /api/stats", "POST /api/requests/{id}/claim", "GET /actuator/metrics",
					"GET /admin/audit", "POST /requests/{id}/resolve", "POST /profile/sessions/end-others");
		assertThat(denied).extracting((row) -> row.get("detail"))
			.containsExactly("role", "refused", "role", "role", "refused", "missing or invalid CSRF token");
		assertThat(denied).allSatisfy((row) -> {
			assertThat(row.get("actor")).isEqualTo("bob");
			assertThat(row.get("request_id")).isNotNull();
			assertThat(row.get("instance_id")).isNotNull();
			assertThat((String) row.get("client_address")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		});

		PageClient admin = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		assertThat(admin.get("/admin/audit?action=ACCESS_DENIED").body()).contains("<td>Refused (403)</td>")
			.contains("POST /requests/{id}/resolve")
			.doesNotContain("<td>Signed in</td>");
	}

	@Test
	void lifecycleTransitionsAreInTheAuditLogWithTheAnonymousAuthorMasked() {
		long id = this.anonymousRequest;
		assertThat(this.api.post("/api/requests/" + id + "/claim", "maria", PASSWORD, null).status()).isEqualTo(200);
		assertThat(this.api.post("/api/requests/" + id + "/release", "maria", PASSWORD, null).status()).isEqualTo(200);
		assertThat(this.api.post("/api/requests/" + id + "/cancel", "alice", PASSWORD, null).status()).isEqualTo(200);
		Api.Response named = this.api.post("/api/requests", "bob", PASSWORD, Map.of("title", "Flaky Gradle cache",
				"details", "The build cache misses on CI every other run.", "topics", List.of("java")));
		assertThat(named.status()).as(named.body()).isEqualTo(201);

		PageClient admin = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		String all = admin.get("/admin/audit").body();
		assertThat(all).contains("<td>Request opened</td>", "<td>Request claimed</td>", "<td>Request cancelled</td>",
				"<td>maria</td>", "<td>bob</td>", "<td>" + AuditLog.ANONYMOUS_AUTHOR + "</td>", "<td>from CLAIMED</td>",
				"<td>request " + id + "</td>");
		assertThat(all).as("the anonymous author, even to an administrator").doesNotContain("<td>alice</td>");

		String cancelled = admin.get("/admin/audit?action=REQUEST_CANCELLED").body();
		assertThat(cancelled).contains("<td>Request cancelled</td>")
			.doesNotContain("<td>Request claimed</td>")
			.doesNotContain("<td>Signed in</td>");
		assertThat(admin.get("/admin/audit?action=REQUEST_CLAIMED&actor=maria").body())
			.contains("<td>Request claimed</td>");
		assertThat(admin.get("/admin/audit?actor=alice").body()).as("filtering by her name finds nothing of hers")
			.doesNotContain("<td>Request")
			.contains("Nothing recorded");
		assertThat(admin.get("/admin/audit?actor=bob").body()).contains("<td>Request opened</td>")
			.doesNotContain("<td>Request claimed</td>");
	}

	@Test
	void anAnonymousAuthorsOwnRefusalsNameNeitherHerNorTheRequestWhateverTheIdsSpelling() {
		long id = this.anonymousRequest;
		List<String> spellings = List.of(Long.toString(id), "0" + id, "+" + id, "%2B" + id, "0x" + Long.toHexString(id),
				"%20" + id);
		for (String spelt : spellings) {
			assertThat(this.api.post("/api/requests/" + spelt + "/claim", "alice", PASSWORD, null).status())
				.as("alice claims her own request as /%s", spelt)
				.isEqualTo(403);
		}
		assertThat(this.api.post("/api/requests/+" + id + "/claim", "bob", PASSWORD, null).status())
			.as("someone else refused on it")
			.isEqualTo(403);

		List<Map<String, Object>> denied = this.jdbc.queryForList(
				"select actor, subject, client_address from audit_events where action = 'ACCESS_DENIED' order by id");
		assertThat(denied).hasSize(spellings.size() + 1);
		assertThat(denied).extracting((row) -> row.get("subject"))
			.allSatisfy((subject) -> assertThat((String) subject).isEqualTo("POST /api/requests/{id}/claim"));
		List<Map<String, Object>> hers = denied.subList(0, denied.size() - 1);
		assertThat(hers).allSatisfy((row) -> {
			assertThat(row.get("actor")).isEqualTo(AuditLog.ANONYMOUS_AUTHOR);
			assertThat(row.get("client_address")).as("no address to line up with her sign-ins").isNull();
		});
		Map<String, Object> bobs = denied.get(denied.size() - 1);
		assertThat(bobs.get("actor")).isEqualTo("bob");
		assertThat(bobs.get("client_address")).isNotNull();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_events where actor = 'alice' and action <> 'LOGIN_SUCCESS'", Long.class))
			.isZero();

		PageClient admin = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		assertThat(admin.get("/admin/audit?actor=alice").body()).as("filtering by her name finds none of it")
			.doesNotContain("<td>Refused (403)</td>");
	}

	@Test
	void idsAreRecognisedHoweverTheyAreSpelt() {
		assertThat(AuditLog.pathPattern("/api/requests/+42/claim")).isEqualTo("/api/requests/{id}/claim");
		assertThat(AuditLog.pathPattern("/api/requests/042/claim")).isEqualTo("/api/requests/{id}/claim");
		assertThat(AuditLog.pathPattern("/requests/0x2a;a=b")).isEqualTo("/requests/{id}");
		assertThat(AuditLog.requestIdIn("/api/requests/+042/offers")).isEqualTo(42L);
		assertThat(AuditLog.requestIdIn("/requests/ 7")).isEqualTo(7L);
		assertThat(AuditLog.requestIdIn("/requests/new")).isNull();
		assertThat(AuditLog.requestIdIn("/people/bob")).isNull();
	}

	@Test
	void transitionsCannotBeWrittenAsAuditEvents() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new AuditLog(null, null, null, null).record("x", AuditAction.REQUEST_CLAIMED, null, null));
		assertThat(AuditLog.pathPattern("/api/requests/42/claim")).isEqualTo("/api/requests/{id}/claim");
		assertThat(AuditLog.pathPattern("/requests/7")).isEqualTo("/requests/{id}");
		assertThat(AuditLog.pathPattern("/people/bob2")).isEqualTo("/people/bob2");
	}

}
