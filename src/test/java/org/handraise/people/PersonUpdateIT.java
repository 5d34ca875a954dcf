package org.handraise.people;

import java.util.Map;

import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ERIN;
import static org.handraise.support.DemoCast.OLGA;

/**
 * An administrator changes a person: the page says exactly which fields changed, or that
 * none did (and then nothing is written, not even to the audit log). The username never
 * changes and no password is set this way: such a form is refused and saves nothing,
 * rather than saying "saved" while ignoring it.
 */
class PersonUpdateIT extends PostgresIntegrationTest {

	private PageClient olga;

	@BeforeEach
	void anAdministratorAndErin() {
		seed(OLGA, ERIN.withSkills("java"));
		this.olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		this.olga.get("/admin/people/erin");
	}

	@Test
	void theMessageListsWhatChanged() {
		PageClient.Response saved = this.olga.post("/admin/people/erin", Map.of("displayName", "Erin Renamed", "email",
				"erin@handraise.example", "team", "Data", "roles", "MENTOR", "skills", "java"));
		assertThat(saved.redirectPath()).isEqualTo("/admin/people/erin");
		assertThat(this.olga.follow(saved).body()).contains("Saved: display name, team and roles.");
		assertThat(displayName("erin")).isEqualTo("Erin Renamed");
	}

	@Test
	void nothingChangedSavesNothing() {
		long version = version("erin");
		PageClient.Response saved = this.olga.post("/admin/people/erin", Map.of("displayName", "Erin Test", "email",
				"erin@handraise.example", "team", "platform", "skills", "Java"));
		assertThat(this.olga.follow(saved).body()).contains("Nothing to save: no field changed.")
			.doesNotContain("Saved:");
		assertThat(version("erin")).as("not written").isEqualTo(version);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_events where action = 'PERSON_UPDATED'",
				Integer.class))
			.isZero();
	}

	@Test
	void theUsernameCannotChange() {
		PageClient.Response refused = this.olga.post("/admin/people/erin",
				Map.of("username", "erina", "displayName", "Erin Renamed", "email", "erin@handraise.example"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("The username cannot be changed after the person is added.")
			.doesNotContain("Saved:");
		assertThat(displayName("erin")).as("nothing saved").isEqualTo("Erin Test");
		assertThat(this.jdbc.queryForObject("select count(*) from people where username = 'erina'", Integer.class))
			.isZero();
	}

	@Test
	void noPasswordIsSetWhenChangingAPerson() {
		PageClient.Response refused = this.olga.post("/admin/people/erin", Map.of("displayName", "Erin Renamed",
				"email", "erin@handraise.example", "password", "a-password-typed-here"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Reset password").doesNotContain("a-password-typed-here");
		assertThat(PageClient.signedIn(baseUrl(), "erin", PASSWORD).get("/").status()).as("the password is unchanged")
			.isEqualTo(200);
	}

	private String displayName(String username) {
		return this.jdbc.queryForObject("select display_name from people where username = ?", String.class, username);
	}

	private long version(String username) {
		return this.jdbc.queryForObject("select version from people where username = ?", Long.class, username);
	}

}
