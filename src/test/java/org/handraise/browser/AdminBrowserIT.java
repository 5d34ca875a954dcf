package org.handraise.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator adds a person in the admin pages (who can then sign in), deactivates
 * them after a confirmation, and from then on the login page turns them away. A person
 * added so chooses their own password, then their skills, on a welcome page at their
 * first sign-in. Editing a person shows the username as text, has no password field, and
 * says what changed. Deactivating a mentor puts the requests they held back in the queue.
 */
@Tag("browser")
class AdminBrowserIT extends BrowserJourney {

	private static final String PASSWORD = "long enough to be safe";

	@Test
	void adminDeactivatesAPersonWhoThenCannotSignIn() {
		signIn("admin");
		clickAndWait(By.cssSelector("nav a[href='/admin/people']"));
		assertThat(heading()).isEqualTo("Manage people");
		assertThat(mainText()).contains("alice", "Alice Martin");
		check("admin people");
		screenshot("admin-people");

		clickAndWait(By.linkText("Add a person"));
		check("admin person form (new)");
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		assertThat(find(By.id("username")).getAttribute("class")).contains("is-invalid");
		assertThat(find(By.id("username-errors")).getText()).isNotBlank();
		check("admin person form (new, with errors)");

		type(By.id("username"), "robin.temp");
		type(By.id("displayName"), "Robin Temp");
		type(By.id("email"), "robin.temp@example.org");
		type(By.id("team"), "Platform");
		type(By.id("password"), PASSWORD);
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		assertThat(currentPath()).isEqualTo("/admin/people/robin.temp");
		assertThat(find(By.cssSelector("main .alert-success")).getText()).contains("The person is added");
		check("admin person form (edit)");
		signOut();

		signIn("robin.temp", PASSWORD);
		signOut();

		signIn("admin");
		open("/admin/people/robin.temp");
		markPage();
		click(By.cssSelector("form[action$='/deactivate'] button"));
		Alert confirmation = waitUntil(ExpectedConditions.alertIsPresent());
		assertThat(confirmation.getText()).contains("Deactivate this person?");
		confirmation.accept();
		waitForNewPage();
		assertThat(find(By.cssSelector("main .alert-success")).getText()).contains("deactivated");
		assertThat(present(By.cssSelector("form[action$='/activate']"))).isTrue();
		check("admin person form (inactive)");
		open("/admin/people");
		assertThat(find(By.xpath("//tr[td/a[text()='robin.temp']]")).getText()).contains("Inactive");
		signOut();

		signInRefused("robin.temp", PASSWORD);
		check("login, refused");
	}

	@Test
	void anAddedPersonChoosesTheirOwnPasswordAndSkillsAtFirstSignIn() {
		signIn("admin");
		open("/admin/people/new");
		type(By.id("username"), "sasha.new");
		type(By.id("displayName"), "Sasha New");
		type(By.id("email"), "sasha.new@example.org");
		type(By.id("team"), "Data");
		type(By.id("password"), PASSWORD);
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		assertThat(currentPath()).isEqualTo("/admin/people/sasha.new");
		signOut();

		signIn("sasha.new", PASSWORD);
		assertThat(currentPath()).isEqualTo("/welcome");
		assertThat(heading()).isEqualTo("Welcome, Sasha New");
		assertThat(present(By.cssSelector("nav a[href='/requests']"))).as("no way around it in the menu").isFalse();
		check("welcome");
		screenshot("welcome");
		phone();
		assertNoSidewaysScrolling();
		screenshot("welcome-phone");
		desktop();
		open("/requests");
		assertThat(currentPath()).as("the rest of the app waits").isEqualTo("/welcome");

		type(By.id("currentPassword"), PASSWORD);
		type(By.id("newPassword"), "Password2024!");
		type(By.id("confirmPassword"), "Password2024!");
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		assertThat(find(By.id("newPassword-errors")).getText()).contains("too common");
		check("welcome, with errors");

		type(By.id("currentPassword"), PASSWORD);
		type(By.id("newPassword"), "tram 28 to the castle");
		type(By.id("confirmPassword"), "tram 28 to the castle");
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		assertThat(currentPath()).isEqualTo("/welcome/skills");
		assertThat(find(By.cssSelector("main .alert-success")).getText()).contains("Your password is set");
		check("welcome skills");
		screenshot("welcome-skills");
		phone();
		assertNoSidewaysScrolling();
		screenshot("welcome-skills-phone");
		desktop();
		click(By.cssSelector("input[name=skill][value=python]"));
		type(By.id("otherSkills"), "dbt, Airflow");
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		assertThat(currentPath()).isEqualTo("/");
		assertThat(heading()).isEqualTo("Welcome back");
		assertThat(find(By.cssSelector("main .alert-success")).getText()).contains("all set");
		open("/people/sasha.new");
		assertThat(mainText()).contains("python", "dbt", "airflow");
		signOut();

		signInRefused("sasha.new", PASSWORD);
		signIn("sasha.new", "tram 28 to the castle");
		assertThat(currentPath()).isEqualTo("/");
	}

	@Test
	void editingAPersonShowsTheUsernameAsTextAndSaysWhatChanged() {
		signIn("admin");
		open("/admin/people/bob");
		assertThat(present(By.id("username"))).as("no username input").isFalse();
		assertThat(present(By.id("password"))).as("no initial password field").isFalse();
		assertThat(find(By.id("username-text")).getText()).isEqualTo("bob");
		screenshot("admin-person-edit");

		type(By.id("availability"), "Mornings");
		clickAndWait(By.cssSelector("main form[action='/admin/people/bob'] button[type=submit]"));
		assertThat(find(By.cssSelector("main .alert-success")).getText()).isEqualTo("Saved: availability.");

		clickAndWait(By.cssSelector("main form[action='/admin/people/bob'] button[type=submit]"));
		assertThat(find(By.cssSelector("main .alert-info")).getText()).isEqualTo("Nothing to save: no field changed.");
		check("admin person form (nothing changed)");

		find(By.id("availability")).clear();
		clickAndWait(By.cssSelector("main form[action='/admin/people/bob'] button[type=submit]"));
		assertThat(find(By.cssSelector("main .alert-success")).getText()).isEqualTo("Saved: availability.");
	}

	@Test
	void deactivatingAMentorPutsTheRequestsTheyHeldBackInTheQueue() {
		signIn("admin");
		open("/requests?q=Airflow");
		clickAndWait(By.partialLinkText("Airflow DAG"));
		String request = currentPath();
		assertThat(mainText()).contains("claimed by Marco Bianchi");

		open("/admin/people/marco");
		markPage();
		click(By.cssSelector("form[action$='/deactivate'] button"));
		waitUntil(ExpectedConditions.alertIsPresent()).accept();
		waitForNewPage();
		assertThat(find(By.cssSelector("main .alert-success")).getText()).contains("deactivated");

		open(request);
		assertThat(mainText()).doesNotContain("claimed by Marco Bianchi");
		assertThat(find(By.cssSelector("main .history")).getText()).contains("You released it because the helper left");
		screenshot("request-helper-left");
		signOut();

		signIn("maria");
		open("/mentor");
		assertThat(mainText()).contains("Airflow DAG");
		signOut();

		// marco comes back for the journeys that follow (the requests he held stay in the
		// queue)
		signIn("admin");
		open("/admin/people/marco");
		clickAndWait(By.cssSelector("form[action$='/activate'] button"));
		assertThat(find(By.cssSelector("main .alert-success")).getText()).contains("sign in again");
	}

	/**
	 * On a phone (375 px) the list of people shows each person's roles and state without
	 * scrolling sideways (the name and team move under the username); and someone who
	 * opens a page that is not for them reads who it is for and whom to ask.
	 */
	@Test
	void thePeopleListFitsAPhoneAndTheForbiddenPageSaysWhomToAsk() {
		signIn("admin");
		open("/admin/people");
		phone();
		try {
			assertNoSidewaysScrolling();
			WebElement row = find(By.xpath("//tr[td/a[text()='grace']]"));
			for (String cell : new String[] { "td[4]", "td[5]" }) {
				// the roles and the state are on the screen, not in a part of the table
				// scrolled out of sight
				WebElement shown = row.findElement(By.xpath(cell + "/span"));
				assertThat(shown.isDisplayed()).as(cell).isTrue();
				assertThat(shown.getRect().getX() + shown.getRect().getWidth()).as(cell + " right edge")
					.isLessThanOrEqualTo(375);
			}
			assertThat(row.getText()).contains("Manager", "Active", "Grace");
			check("admin people (phone)");
			screenshot("phone-admin-people");
		}
		finally {
			desktop();
		}
		signOut();

		signIn("alice");
		open("/admin/people");
		assertThat(mainText()).contains("This page is for administrators.",
				"If you need access, ask your Handraise administrator.");
		open("/stats");
		assertThat(mainText()).contains("This page is for managers and administrators.");
		check("error 403 (stats)");
		screenshot("forbidden");
	}

}
