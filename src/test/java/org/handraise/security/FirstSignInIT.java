package org.handraise.security;

import java.util.Map;

import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ERIN;
import static org.handraise.support.DemoCast.OLGA;

/**
 * A person an administrator added, or whose password an administrator reset, signs in
 * with a password somebody else knows: until they choose their own on the welcome page,
 * every page leads there and the API refuses them (403, as a problem that says why). Then
 * they may describe their skills, and the app is theirs. People who chose their own
 * password (the seeded ones here, as the demo accounts and the initial administrator)
 * never see it.
 */
class FirstSignInIT extends PostgresIntegrationTest {

	private static final String GIVEN = "given by the administrator";

	private static final String OWN = "tram 28 to the castle";

	@BeforeEach
	void anAdministrator() {
		seed(OLGA, ERIN.withSkills("java"));
		this.jdbc.update("insert into topics (name) values ('kotlin'), ('sql')");
	}

	@Test
	void aPersonAnAdministratorAddedChoosesTheirOwnPasswordAndSkillsFirst() {
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		olga.get("/admin/people/new");
		PageClient.Response added = olga.post("/admin/people", Map.of("username", "robin", "displayName", "Robin Temp",
				"email", "robin@handraise.example", "team", "Platform", "password", GIVEN));
		assertThat(added.redirectPath()).isEqualTo("/admin/people/robin");
		assertThat(mustChange("robin")).isTrue();

		PageClient robin = signIn("robin", GIVEN);
		assertThat(robin.get("/").redirectPath()).isEqualTo("/welcome");
		assertThat(robin.get("/requests").redirectPath()).isEqualTo("/welcome");
		assertThat(robin.get("/profile").redirectPath()).as("not even the profile").isEqualTo("/welcome");
		PageClient.Response welcome = robin.get("/welcome");
		assertThat(welcome.status()).isEqualTo(200);
		assertThat(welcome.body()).contains("Welcome, Robin Temp").doesNotContain("Welcome back");
		assertThat(robin.post("/requests", Map.of("title", "A question")).redirectPath()).isEqualTo("/welcome");

		Api api = new Api(baseUrl());
		Api.Response refused = api.get("/api/me", "robin", GIVEN);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().get("detail").asString()).contains("Choose your own password first");
		assertThat(this.jdbc.queryForObject("""
				select count(*) from audit_events where action = 'ACCESS_DENIED'
				and actor = 'robin' and detail = 'must choose a password first'""", Integer.class)).isEqualTo(1);

		PageClient.Response wrong = robin.post("/welcome/password",
				Map.of("currentPassword", "not what I was given", "newPassword", OWN, "confirmPassword", OWN));
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("is not your current password");
		PageClient.Response weak = robin.post("/welcome/password",
				Map.of("currentPassword", GIVEN, "newPassword", "Password2024!", "confirmPassword", "Password2024!"));
		assertThat(weak.body()).as("the password policy applies").contains("too common");
		PageClient.Response same = robin.post("/welcome/password",
				Map.of("currentPassword", GIVEN, "newPassword", GIVEN, "confirmPassword", GIVEN));
		assertThat(same.body()).contains("must differ from your current password");
		assertThat(mustChange("robin")).isTrue();

		PageClient.Response chosen = robin.post("/welcome/password",
				Map.of("currentPassword", GIVEN, "newPassword", OWN, "confirmPassword", OWN));
		assertThat(chosen.redirectPath()).isEqualTo("/welcome/skills");
		assertThat(mustChange("robin")).isFalse();
		PageClient.Response skills = robin.follow(chosen);
		assertThat(skills.status()).isEqualTo(200);
		assertThat(skills.body()).contains("Your password is set")
			.contains("value=\"kotlin\"")
			.contains("value=\"sql\"");
		PageClient.Response done = robin.post("/welcome/skills",
				Map.of("skill", "kotlin", "otherSkills", "Rust, terraform"));
		assertThat(done.redirectPath()).isEqualTo("/");
		assertThat(robin.follow(done).body()).contains("all set").contains("Welcome back");
		assertThat(this.people.skillsOf("robin")).containsExactly("kotlin", "rust", "terraform");
		assertThat(robin.get("/requests").status()).as("the rest of the app").isEqualTo(200);

		assertThat(api.get("/api/me", "robin", GIVEN).status()).isEqualTo(401);
		assertThat(api.get("/api/me", "robin", OWN).status()).isEqualTo(200);
	}

	@Test
	void aPasswordAnAdministratorResetMustBeReplacedToo() {
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		olga.get("/admin/people/erin");
		assertThat(olga.post("/admin/people/erin/password", Map.of("password", GIVEN)).status()).isEqualTo(302);
		assertThat(mustChange("erin")).isTrue();

		PageClient erin = signIn("erin", GIVEN);
		assertThat(erin.get("/").redirectPath()).isEqualTo("/welcome");
		assertThat(new Api(baseUrl()).get("/api/requests", "erin", GIVEN).status()).isEqualTo(403);
		erin.get("/welcome");
		assertThat(erin
			.post("/welcome/password", Map.of("currentPassword", GIVEN, "newPassword", OWN, "confirmPassword", OWN))
			.redirectPath()).isEqualTo("/welcome/skills");
		assertThat(erin.get("/").status()).isEqualTo(200);
	}

	@Test
	void peopleWhoChoseTheirOwnPasswordNeverSeeTheWelcomePage() {
		PageClient erin = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		assertThat(erin.get("/").status()).isEqualTo(200);
		assertThat(erin.get("/welcome").redirectPath()).isEqualTo("/");
		assertThat(erin
			.post("/welcome/password", Map.of("currentPassword", PASSWORD, "newPassword", OWN, "confirmPassword", OWN))
			.redirectPath()).isEqualTo("/");
		assertThat(PageClient.signedIn(baseUrl(), "erin", PASSWORD).get("/").status()).as("the password is unchanged")
			.isEqualTo(200);
		assertThat(new Api(baseUrl()).get("/api/me", "erin", PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void tooManySkillsAreRefusedOnThePage() {
		PageClient erin = PageClient.signedIn(baseUrl(), "erin", PASSWORD);
		erin.get("/welcome/skills");
		PageClient.Response refused = erin.post("/welcome/skills",
				Map.of("otherSkills", "a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("alert-danger");
		assertThat(this.people.skillsOf("erin")).containsExactly("java");
	}

	private PageClient signIn(String username, String password) {
		PageClient page = PageClient.anonymous(baseUrl());
		PageClient.Response signedIn = page.post("/login", Map.of("username", username, "password", password));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.redirectPath()).doesNotStartWith("/login");
		page.get("/welcome");
		return page;
	}

	private boolean mustChange(String username) {
		return this.jdbc.queryForObject("select must_change_password from people where username = ?", Boolean.class,
				username);
	}

}
