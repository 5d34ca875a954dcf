package org.handraise.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.handraise.people.Role;
import org.handraise.shared.ConflictException;
import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.handraise.tokens.AccessTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.handraise.support.DemoCast.OLGA;

/**
 * Roles take effect at once: a person whose roles change loses every session they had (so
 * a demoted administrator's old session opens nothing that needs the old roles), except
 * the session from which an administrator changed their own roles, which carries the new
 * roles at once. The last active administrator can neither lose the role nor be
 * deactivated. API tokens are not revoked by a change of roles: each call reads the
 * owner's roles as they are.
 */
class RoleChangeIT extends PostgresIntegrationTest {

	@Autowired
	private AccessTokenService tokens;

	@BeforeEach
	void people() {
		// only the sessions of people no other test class signs in as
		this.jdbc.update("delete from spring_session where principal_name in ('hank', 'olga', 'ivy')");
		seed(OLGA);
		person("hank", null, List.of(), Role.ADMIN, Role.MANAGER);
		person("ivy", "Platform", List.of());
	}

	@Test
	void aDemotedPersonsOldSessionCanNoLongerUseTheRolesTheyLost() {
		PageClient hank = PageClient.signedIn(baseUrl(), "hank", PASSWORD);
		assertThat(hank.get("/stats").status()).isEqualTo(200);
		assertThat(hank.get("/admin/people/hank").status()).isEqualTo(200);
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		olga.get("/admin/people/hank");

		PageClient.Response demoted = olga.post("/admin/people/hank", update("hank", ""));
		assertThat(demoted.status()).isEqualTo(302);
		assertThat(rolesOf("hank")).containsExactly("EMPLOYEE");

		for (String page : List.of("/stats", "/admin/people", "/admin/audit", "/admin/people/hank")) {
			PageClient.Response response = hank.get(page);
			assertThat(response.status()).as(page).isNotEqualTo(200);
		}
		PageClient.Response regain = hank.post("/admin/people/hank", update("hank", "ADMIN,MANAGER"));
		assertThat(regain.status()).as("the session is gone, and its CSRF token with it").isEqualTo(403);
		assertThat(rolesOf("hank")).containsExactly("EMPLOYEE");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_events where action = 'ROLES_CHANGED' and actor = 'hank'", Integer.class))
			.isZero();
		assertThat(sessionsOf("hank")).isZero();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from audit_events where action = 'SESSIONS_ENDED'
				and subject = 'hank' and actor = 'olga' and detail like '%roles_changed'""", Integer.class))
			.isEqualTo(1);

		PageClient again = PageClient.signedIn(baseUrl(), "hank", PASSWORD);
		assertThat(again.get("/stats").status()).as("signed in afresh, with the roles hank has now").isEqualTo(403);
		assertThat(again.get("/requests").status()).isEqualTo(200);
	}

	@Test
	void aChangeOfRolesKeepsTheirApiTokensWhichTakeTheNewRolesAtOnce() {
		String token = this.tokens.create("ivy", "laptop", null).token();
		Api api = new Api(baseUrl());
		assertThat(api.getWithToken("/api/stats", token).status()).isEqualTo(403);
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		olga.get("/admin/people/ivy");
		assertThat(olga.post("/admin/people/ivy", update("ivy", "MANAGER")).status()).isEqualTo(302);
		assertThat(api.getWithToken("/api/stats", token).status()).as("promoted: the token has the new role")
			.isEqualTo(200);
		assertThat(olga.post("/admin/people/ivy", update("ivy", "")).status()).isEqualTo(302);
		assertThat(api.getWithToken("/api/stats", token).status()).as("demoted: the token lost it at once")
			.isEqualTo(403);
		assertThat(api.getWithToken("/api/me", token).status()).as("the token itself still works").isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select count(*) from access_tokens where revoked_at is not null",
				Integer.class))
			.isZero();
	}

	@Test
	void aPromotedPersonsSessionsEndToo() {
		PageClient ivy = PageClient.signedIn(baseUrl(), "ivy", PASSWORD);
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		olga.get("/admin/people/ivy");
		assertThat(olga.post("/admin/people/ivy", update("ivy", "MANAGER")).status()).isEqualTo(302);
		assertThat(ivy.get("/requests").redirectsToLogin()).isTrue();
		assertThat(PageClient.signedIn(baseUrl(), "ivy", PASSWORD).get("/stats").status()).isEqualTo(200);
	}

	@Test
	void changingOtherDetailsLeavesTheSessionsAlone() {
		PageClient ivy = PageClient.signedIn(baseUrl(), "ivy", PASSWORD);
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		olga.get("/admin/people/ivy");
		Map<String, String> form = update("ivy", "");
		form.put("skills", "java, sql");
		assertThat(olga.post("/admin/people/ivy", form).status()).isEqualTo(302);
		assertThat(ivy.get("/requests").status()).isEqualTo(200);
	}

	@Test
	void anAdministratorChangingTheirOwnRolesKeepsThisSessionWithTheNewRolesAndLosesTheOthers() {
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		PageClient olgaElsewhere = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		assertThat(olga.get("/mentor").status()).isEqualTo(403);
		olga.get("/admin/people/olga");
		String before = olga.cookie("SESSION");

		PageClient.Response saved = olga.post("/admin/people/olga", update("olga", "ADMIN,MENTOR"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.redirectPath()).isEqualTo("/admin/people/olga");
		assertThat(olga.follow(saved).body()).contains("alert-success");
		assertThat(olga.cookie("SESSION")).as("a fresh session id").isNotEqualTo(before);
		assertThat(olga.get("/mentor").status()).as("the new role, at once").isEqualTo(200);
		assertThat(olgaElsewhere.get("/requests").redirectsToLogin()).isTrue();
		assertThat(sessionsOf("olga")).isEqualTo(1);

		// hank is another administrator, so olga may give up hers: this session loses it
		// at once
		olga.get("/admin/people/olga");
		assertThat(olga.post("/admin/people/olga", update("olga", "MENTOR")).status()).isEqualTo(302);
		assertThat(rolesOf("olga")).containsExactly("EMPLOYEE", "MENTOR");
		assertThat(olga.get("/admin/people").status()).isEqualTo(403);
		assertThat(olga.get("/mentor").status()).isEqualTo(200);
	}

	@Test
	void theLastAdministratorCannotGiveUpTheRole() {
		this.jdbc.update("""
				delete from person_roles where role = 'ADMIN' and person_id =
				(select id from people where username = 'hank')""");
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		olga.get("/admin/people/olga");
		PageClient.Response refused = olga.post("/admin/people/olga", update("olga", "MANAGER"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("the last active administrator").contains("aria-invalid=\"true\"");
		assertThat(rolesOf("olga")).containsExactly("ADMIN", "EMPLOYEE");
		assertThat(olga.get("/admin/people").status()).isEqualTo(200);
	}

	@Test
	void anInactiveAdministratorDoesNotCountAsAnother() {
		this.jdbc.update("update people set active = false where username = 'hank'");
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		olga.get("/admin/people/olga");
		assertThat(olga.post("/admin/people/olga", update("olga", "")).status()).isEqualTo(200);
		assertThat(rolesOf("olga")).containsExactly("ADMIN", "EMPLOYEE");
	}

	@Test
	@WithMockUser(username = "hank", roles = { "EMPLOYEE", "ADMIN" })
	void theLastActiveAdministratorCannotBeDeactivated() {
		this.jdbc.update("""
				delete from person_roles where role = 'ADMIN' and person_id =
				(select id from people where username = 'hank')""");
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.people.deactivate("hank", "olga"))
			.satisfies((ex) -> assertThat(ex.reason().code()).isEqualTo("people.refusal.last-admin"));
		assertThat(this.jdbc.queryForObject("select active from people where username = 'olga'", Boolean.class))
			.isTrue();
	}

	@Test
	void deactivatingTheLastAdministratorFromThePageSaysWhyNot() {
		PageClient hank = PageClient.signedIn(baseUrl(), "hank", PASSWORD);
		// hank's session still says administrator, as one could while a change of roles
		// is under way
		this.jdbc.update("""
				delete from person_roles where role = 'ADMIN' and person_id =
				(select id from people where username = 'hank')""");
		hank.get("/admin/people/olga");
		PageClient.Response refused = hank.post("/admin/people/olga/deactivate", Map.of());
		assertThat(refused.status()).isEqualTo(302);
		assertThat(hank.follow(refused).body()).contains("alert-warning").contains("the last active administrator");
		assertThat(this.jdbc.queryForObject("select active from people where username = 'olga'", Boolean.class))
			.isTrue();
	}

	private static Map<String, String> update(String username, String roles) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("displayName", username + " Test");
		form.put("email", username + "@handraise.example");
		form.put("team", "");
		form.put("roles", roles);
		form.put("skills", "");
		form.put("availability", "");
		return form;
	}

	private List<String> rolesOf(String username) {
		return this.jdbc.queryForList("""
				select r.role from person_roles r join people p on p.id = r.person_id
				where p.username = ? order by r.role""", String.class, username);
	}

	private int sessionsOf(String username) {
		return this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
				username);
	}

}
