package org.handraise.security;

import java.util.List;
import java.util.Map;

import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ERIN;
import static org.handraise.support.DemoCast.OLGA;

/**
 * Sessions: a new id at sign-in, an idle and an absolute timeout, logout and deactivation
 * and password changes that end sessions where they are stored (the database), and "log
 * out my other sessions".
 */
class SessionLifecycleIT extends PostgresIntegrationTest {

	@BeforeEach
	void people() {
		// only the sessions of people no other test class signs in as (the matrix keeps
		// its sessions between tests)
		this.jdbc.update("delete from spring_session where principal_name in ('erin', 'frank', 'olga')");
		seed(ERIN);
		person("frank", "Mobile", List.of());
		seed(OLGA);
	}

	@Test
	void theSessionIdChangesAtSignIn() {
		PageClient visitor = PageClient.anonymous(baseUrl());
		String before = visitor.cookie("SESSION");
		assertThat(before).as("the login page's session (for its CSRF token)").isNotNull();
		PageClient.Response signIn = visitor.post("/login", Map.of("username", "erin", "password", PASSWORD));
		assertThat(signIn.redirectPath()).isEqualTo("/");
		String after = visitor.cookie("SESSION");
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(visitor.get("/requests").status()).isEqualTo(200);
		assertThat(sessionsOf("erin")).isEqualTo(1);
	}

	@Test
	void sessionsHaveTheConfiguredIdleTimeout() {
		PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		assertThat(this.jdbc.queryForObject(
				"select max_inactive_interval from spring_session where principal_name = 'erin'", Integer.class))
			.isEqualTo(30 * 60);
	}

	@Test
	void aSessionOlderThanTheAbsoluteTimeoutEndsHoweverBusy() {
		PageClient erin = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		assertThat(erin.get("/requests").status()).isEqualTo(200);
		this.jdbc.update("update spring_session set creation_time = creation_time - ? where principal_name = 'erin'",
				12L * 60 * 60 * 1000 + 1000);
		PageClient.Response after = erin.get("/requests");
		assertThat(after.status()).isEqualTo(302);
		assertThat(after.location()).endsWith("/login?expired");
		assertThat(sessionsOf("erin")).isZero();
		assertThat(erin.get("/requests").redirectsToLogin()).isTrue();
		assertThat(erin.follow(after).body()).contains("Your session has ended");
	}

	@Test
	void logoutEndsTheSessionInTheDatabase() {
		PageClient erin = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		assertThat(sessionsOf("erin")).isEqualTo(1);
		assertThat(erin.post("/logout", Map.of()).location()).endsWith("/login?logout");
		assertThat(sessionsOf("erin")).isZero();
		assertThat(erin.get("/requests").redirectsToLogin()).isTrue();
	}

	@Test
	@WithMockUser(username = "olga", roles = { "EMPLOYEE", "ADMIN" })
	void deactivatingAPersonEndsAllTheirSessionsAtOnce() {
		PageClient erin = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		PageClient erinElsewhere = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		PageClient frank = PageClient.signedIn(baseUrl(), "frank", PASSWORD);
		assertThat(erin.get("/requests").status()).isEqualTo(200);

		this.people.deactivate("olga", "erin");

		assertThat(erin.get("/requests").redirectsToLogin()).isTrue();
		assertThat(erinElsewhere.get("/requests").redirectsToLogin()).isTrue();
		assertThat(sessionsOf("erin")).isZero();
		assertThat(frank.get("/requests").status()).as("somebody else").isEqualTo(200);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from audit_events where action = 'SESSIONS_ENDED'
				and subject = 'erin' and actor = 'olga'""", Integer.class)).isEqualTo(1);
	}

	@Test
	void anAdministratorResettingAPasswordEndsAllTheirSessions() {
		PageClient erin = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		PageClient admin = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		PageClient.Response reset = admin.post("/admin/people/erin/password",
				Map.of("password", "a-new-passphrase-for-her"));
		assertThat(reset.status()).isEqualTo(302);
		assertThat(admin.follow(reset).body()).contains("alert-success");
		assertThat(erin.get("/requests").redirectsToLogin()).isTrue();
		PageClient again = PageClient.anonymous(baseUrl());
		PageClient.Response signedIn = again.post("/login",
				Map.of("username", "erin", "password", "a-new-passphrase-for-her"));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.redirectsToLogin()).isFalse();
		assertThat(again.get("/requests").redirectPath()).as("she chooses her own password first")
			.isEqualTo("/welcome");
		assertThat(admin.get("/requests").status()).as("the administrator's own session").isEqualTo(200);
	}

	@Test
	void anAdministratorsResetFollowsThePasswordPolicy() {
		PageClient admin = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		PageClient.Response reset = admin.post("/admin/people/erin/password", Map.of("password", "Password2024!"));
		assertThat(admin.follow(reset).body()).contains("alert-warning").contains("too common");
		assertThat(PageClient.signedIn(baseUrl(), "erin", PASSWORD).get("/").status()).isEqualTo(200);
	}

	@Test
	void changingMyPasswordNeedsTheCurrentOne() {
		PageClient erin = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		erin.get("/profile");
		PageClient.Response refused = erin.post("/profile/password", Map.of("currentPassword", "not-my-password",
				"newPassword", "tram 28 to the castle", "confirmPassword", "tram 28 to the castle"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("is not your current password")
			.contains("aria-invalid=\"true\"")
			.doesNotContain("not-my-password")
			.doesNotContain("tram 28 to the castle");
		assertThat(
				this.jdbc.queryForObject("select failures from login_throttle where username = 'erin'", Integer.class))
			.as("a wrong current password counts towards the lockout")
			.isEqualTo(1);
		assertThat(PageClient.signedIn(baseUrl(), "erin", PASSWORD).get("/").status()).as("the password is unchanged")
			.isEqualTo(200);
	}

	@Test
	void aNewPasswordMustFollowThePolicyAndBeTypedTwice() {
		PageClient erin = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		erin.get("/profile");
		PageClient.Response weak = erin.post("/profile/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "qwertyuiop12", "confirmPassword", "qwertyuiop12"));
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("too common or too easy to guess");
		PageClient.Response tooShort = erin.post("/profile/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "short", "confirmPassword", "short"));
		assertThat(tooShort.body()).contains("Choose a password of 12 to 128 characters.");
		PageClient.Response mismatch = erin.post("/profile/password", Map.of("currentPassword", PASSWORD, "newPassword",
				"tram 28 to the castle", "confirmPassword", "tram 28 to the palace"));
		assertThat(mismatch.body()).contains("does not match the new password");
		assertThat(PageClient.signedIn(baseUrl(), "erin", PASSWORD).get("/").status()).isEqualTo(200);
	}

	@Test
	void changingMyPasswordEndsMyOtherSessionsButNotThisOne() {
		PageClient erin = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		PageClient erinElsewhere = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		erin.get("/profile");
		String before = erin.cookie("SESSION");
		PageClient.Response changed = erin.post("/profile/password", Map.of("currentPassword", PASSWORD, "newPassword",
				"tram 28 to the castle", "confirmPassword", "tram 28 to the castle"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(changed.redirectPath()).isEqualTo("/profile");
		assertThat(erin.follow(changed).body()).contains("Your password is changed");
		assertThat(erin.cookie("SESSION")).as("a fresh session id").isNotEqualTo(before);
		assertThat(erinElsewhere.get("/requests").redirectsToLogin()).isTrue();
		assertThat(erin.get("/requests").status()).isEqualTo(200);
		PageClient oldPassword = PageClient.anonymous(baseUrl());
		assertThat(oldPassword.post("/login", Map.of("username", "erin", "password", PASSWORD)).location())
			.endsWith("/login?error");
		assertThat(PageClient.signedIn(baseUrl(), "erin", "tram 28 to the castle").get("/").status()).isEqualTo(200);
	}

	@Test
	void logOutMyOtherSessions() {
		PageClient erin = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		PageClient erinElsewhere = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		PageClient erinThirdDevice = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		PageClient frank = PageClient.signedIn(baseUrl(), "frank", PASSWORD);
		assertThat(erin.get("/profile").body()).contains("You are also signed in on 2 other devices or browsers.");
		PageClient.Response ended = erin.post("/profile/sessions/end-others", Map.of());
		assertThat(ended.redirectPath()).isEqualTo("/profile");
		assertThat(erin.follow(ended).body()).contains("Your other sessions have ended")
			.contains("You are signed in nowhere else.");
		assertThat(erinElsewhere.get("/requests").redirectsToLogin()).isTrue();
		assertThat(erinThirdDevice.get("/requests").redirectsToLogin()).isTrue();
		assertThat(erin.get("/requests").status()).isEqualTo(200);
		assertThat(frank.get("/requests").status()).isEqualTo(200);
	}

	@Test
	void changingMyPasswordAndLoggingOutMyOtherSessionsAreAudited() {
		PageClient erin = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		erin.get("/profile");
		this.jdbc.update("delete from audit_events");
		PageClient.Response changed = erin.post("/profile/password", Map.of("currentPassword", PASSWORD, "newPassword",
				"tram 28 to the castle", "confirmPassword", "tram 28 to the castle"));
		assertThat(changed.status()).isEqualTo(302);
		PageClient.signedIn(baseUrl(), "erin", "tram 28 to the castle");
		PageClient.signedIn(baseUrl(), "erin", "tram 28 to the castle");
		erin.get("/profile");
		assertThat(erin.post("/profile/sessions/end-others", Map.of()).status()).isEqualTo(302);
		assertThat(erin.post("/profile/sessions/end-others", Map.of()).status()).isEqualTo(302);

		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				select occurred_at, actor, action, subject, detail
				from audit_events where action <> 'LOGIN_SUCCESS' order by id""");
		assertThat(rows)
			.extracting((row) -> row.get("action") + " " + row.get("actor") + " " + row.get("subject") + " "
					+ row.get("detail"))
			.containsExactly("PASSWORD_CHANGED erin erin null",
					"SESSIONS_ENDED erin erin 1 session(s), password_changed",
					"SESSIONS_ENDED erin erin 2 session(s), log out other sessions",
					"SESSIONS_ENDED erin erin 0 session(s), log out other sessions");
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("occurred_at")).isNotNull());
		assertThat(this.jdbc.queryForList("select * from audit_events")).allSatisfy((row) -> row.values()
			.forEach((value) -> assertThat(String.valueOf(value)).doesNotContain(PASSWORD)
				.doesNotContain("tram 28")
				.doesNotContain(erin.cookie("SESSION"))));
	}

	@Test
	void theAuditLogPageShowsWhatHappened() {
		PageClient erin = PageClient.anonymous(baseUrl());
		erin.post("/login", Map.of("username", "erin", "password", "wrong-one\r\nforged entry"));
		PageClient admin = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		admin.post("/admin/people/frank/deactivate", Map.of());
		PageClient.Response page = admin.get("/admin/audit");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<td>Sign-in failed</td>")
			.contains("<td>Signed in</td>")
			.contains("<td>Deactivated</td>");
		assertThat(page.body()).doesNotContain("wrong-one").doesNotContain("forged entry");
		assertThat(admin.get("/admin/audit?action=PERSON_DEACTIVATED").body()).doesNotContain("<td>Sign-in failed</td>")
			.contains("<td>Deactivated</td>");
		assertThat(PageClient.signedIn(baseUrl(), "erin", PASSWORD).get("/admin/audit").status()).isEqualTo(403);
		PageClient.anonymous(baseUrl())
			.post("/login", Map.of("username", "erin\r\n2026-01-01 LOGIN_SUCCESS olga", "password", "x"));
		assertThat(this.jdbc.queryForList("select actor from audit_events where actor like '%LOGIN_SUCCESS%'",
				String.class))
			.singleElement()
			.satisfies((actor) -> assertThat(actor).doesNotContain("\r").doesNotContain("\n"));
	}

	private int sessionsOf(String username) {
		return this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
				username);
	}

}
