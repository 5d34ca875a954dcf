package org.handraise.security;

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
import static org.handraise.support.DemoCast.OLGA;

/**
 * Brute force: five failed sign-ins for one account name within 15 minutes lock it for 15
 * minutes, on the sign-in form and HTTP Basic alike, even for the right password, and for
 * nobody else. The count lives in the database.
 */
class LoginThrottleIT extends PostgresIntegrationTest {

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB);
	}

	@Test
	void fiveFailuresLockTheAccountEvenForTheRightPasswordAndNobodyElse() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.api.get("/api/me", "alice", "wrong-password-" + i).status()).isEqualTo(401);
		}
		assertThat(this.api.get("/api/me", "alice", PASSWORD).status()).as("four failures lock nothing").isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.get("/api/me", "alice", "wrong-password-" + i).status()).isEqualTo(401);
		}
		Api.Response locked = this.api.get("/api/me", "alice", PASSWORD);
		assertThat(locked.status()).as("the right password, while locked").isEqualTo(401);
		assertThat(locked.isProblem()).isTrue();
		assertThat(signInThroughTheForm("alice", PASSWORD).location()).endsWith("/login?error");

		assertThat(this.api.get("/api/me", "bob", PASSWORD).status()).as("another account").isEqualTo(200);
		assertThat(signInThroughTheForm("bob", PASSWORD).redirectPath()).isEqualTo("/");
		assertThat(this.jdbc.queryForObject("select count(*) from login_throttle where locked_until is not null",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void failuresOnTheFormCountForTheApiAndTheOtherWayRound() {
		for (int i = 0; i < 3; i++) {
			assertThat(signInThroughTheForm("alice", "not-her-password").location()).endsWith("/login?error");
		}
		for (int i = 0; i < 2; i++) {
			assertThat(this.api.get("/api/me", "alice", "not-her-password").status()).isEqualTo(401);
		}
		assertThat(signInThroughTheForm("alice", PASSWORD).location()).endsWith("/login?error");
		assertThat(this.api.get("/api/me", "alice", PASSWORD).status()).isEqualTo(401);
	}

	@Test
	void aLockedAccountAnswersExactlyLikeAWrongPasswordOrAnUnknownName() {
		Api.Response wrong = this.api.get("/api/me", "bob", "not-his-password");
		Api.Response unknown = this.api.get("/api/me", "nobody-at-all", "whatever-password");
		for (int i = 0; i < 5; i++) {
			this.api.get("/api/me", "alice", "wrong-password");
		}
		Api.Response locked = this.api.get("/api/me", "alice", PASSWORD);
		assertThat(List.of(wrong, unknown, locked)).allSatisfy((r) -> {
			assertThat(r.status()).isEqualTo(401);
			assertThat(r.body()).isEqualTo(wrong.body());
		});
		PageClient.Response lockedPage = signInThroughTheForm("alice", PASSWORD);
		PageClient.Response unknownPage = signInThroughTheForm("nobody-at-all", PASSWORD);
		assertThat(lockedPage.location()).isEqualTo(unknownPage.location()).endsWith("/login?error");
	}

	@Test
	void unknownNamesAreThrottledTooSoALockRevealsNothing() {
		for (int i = 0; i < 5; i++) {
			this.api.get("/api/me", "nobody-at-all", "guess-" + i);
		}
		assertThat(this.jdbc.queryForObject(
				"select locked_until is not null from login_throttle where username = 'nobody-at-all'", Boolean.class))
			.isTrue();
	}

	@Test
	void aSuccessfulSignInStartsTheCountAfresh() {
		for (int i = 0; i < 4; i++) {
			this.api.get("/api/me", "alice", "wrong-password");
		}
		assertThat(signInThroughTheForm("alice", PASSWORD).redirectPath()).isEqualTo("/");
		for (int i = 0; i < 4; i++) {
			this.api.get("/api/me", "alice", "wrong-password");
		}
		assertThat(this.api.get("/api/me", "alice", PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void failuresOlderThanTheWindowNoLongerCount() {
		for (int i = 0; i < 4; i++) {
			this.api.get("/api/me", "alice", "wrong-password");
		}
		this.jdbc.update("update login_throttle set window_start = window_start - interval '16 minutes'");
		for (int i = 0; i < 4; i++) {
			this.api.get("/api/me", "alice", "wrong-password");
		}
		assertThat(this.api.get("/api/me", "alice", PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void afterTheCoolingOffPeriodTheRightPasswordWorksAgain() {
		for (int i = 0; i < 5; i++) {
			this.api.get("/api/me", "alice", "wrong-password");
		}
		assertThat(this.api.get("/api/me", "alice", PASSWORD).status()).isEqualTo(401);
		Integer minutes = this.jdbc.queryForObject(
				"select cast(extract(epoch from (locked_until - window_start)) / 60 as int) from login_throttle",
				Integer.class);
		assertThat(minutes).as("locked for 15 minutes").isBetween(14, 15);
		// the cooling-off period passes (the lock's end moves into the past)
		this.jdbc.update("""
				update login_throttle set locked_until = now() - interval '1 second',
				window_start = window_start - interval '15 minutes'""");
		assertThat(this.api.get("/api/me", "alice", PASSWORD).status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select count(*) from login_throttle", Integer.class)).isZero();
	}

	@Test
	void aNameWithControlCharactersIsThrottledWithoutReachingTheDatabaseAsItIs() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.get("/api/me", "ali\u0000ce", "wrong-password").status()).isEqualTo(401);
		}
		assertThat(this.jdbc.queryForList("select username from login_throttle", String.class)).singleElement()
			.satisfies((key) -> assertThat(key).startsWith("#").hasSize(65));
	}

	@Test
	void failuresAndTheLockAreInTheAuditLog() {
		for (int i = 0; i < 6; i++) {
			this.api.get("/api/me", "alice", "wrong-password");
		}
		signInThroughTheForm("bob", PASSWORD);
		Map<String, Object> counts = this.jdbc.queryForMap("""
				select
				  sum(case when action = 'LOGIN_FAILURE' then 1 else 0 end) as failures,
				  sum(case when action = 'ACCOUNT_LOCKED' then 1 else 0 end) as locks,
				  sum(case when action = 'LOGIN_REFUSED_LOCKED' then 1 else 0 end) as refused,
				  sum(case when action = 'LOGIN_SUCCESS' and actor = 'bob' then 1 else 0 end) as bob
				from audit_events""");
		assertThat(counts).containsEntry("failures", 5L)
			.containsEntry("locks", 1L)
			.containsEntry("refused", 1L)
			.containsEntry("bob", 1L);
		assertThat(this.jdbc.queryForList("select detail from audit_events", String.class))
			.noneMatch((d) -> d != null && d.contains("wrong-password"));
	}

	@Test
	void anAdministratorUnlocksALockedAccountAndItIsAudited() {
		seed(OLGA);
		for (int i = 0; i < 5; i++) {
			this.api.get("/api/me", "alice", "wrong-password");
		}
		assertThat(this.api.get("/api/me", "alice", PASSWORD).status()).isEqualTo(401);
		PageClient admin = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		assertThat(admin.get("/admin/people/alice").body()).contains("action=\"/admin/people/alice/unlock\"");
		PageClient.Response unlocked = admin.post("/admin/people/alice/unlock", Map.of());
		assertThat(unlocked.status()).isEqualTo(302);
		assertThat(unlocked.redirectPath()).isEqualTo("/admin/people/alice");
		assertThat(admin.follow(unlocked).body()).contains("alert-success").contains("Sign-in is unlocked");
		assertThat(this.api.get("/api/me", "alice", PASSWORD).status()).as("at once, the right password")
			.isEqualTo(200);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from audit_events where action = 'ACCOUNT_UNLOCKED'
				and actor = 'olga' and subject = 'alice'""", Integer.class)).isEqualTo(1);
		assertThat(admin.postRaw("/admin/people/alice/unlock", Map.of()).status()).as("without a CSRF token")
			.isEqualTo(403);
	}

	private PageClient.Response signInThroughTheForm(String username, String password) {
		PageClient visitor = PageClient.anonymous(baseUrl());
		return visitor.post("/login", Map.of("username", username, "password", password));
	}

}
