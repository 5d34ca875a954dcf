package org.handraise.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator adds a person in the admin pages (who can then sign in), deactivates them after a
 * confirmation, and from then on the login page turns them away.
 */
@Tag("browser")
class AdminBrowserTests extends BrowserJourney {

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

	/**
	 * On a phone (375 px) the list of people shows each person's roles and state without scrolling sideways (the
	 * name and team move under the username); and someone who opens a page that is not for them reads who it is
	 * for and whom to ask.
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
				// the roles and the state are on the screen, not in a part of the table scrolled out of sight
				WebElement shown = row.findElement(By.xpath(cell + "/span"));
				assertThat(shown.isDisplayed()).as(cell).isTrue();
				assertThat(shown.getRect().getX() + shown.getRect().getWidth()).as(cell + " right edge").isLessThanOrEqualTo(375);
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
