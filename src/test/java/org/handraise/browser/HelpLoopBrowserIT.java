package org.handraise.browser;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The help loop in the browser, one person after the other: alice asks (and fixes what
 * the form tells her, then sharpens the title by editing the request), maria finds the
 * request at the top of her queue, claims and answers it, alice accepts the answer,
 * resolves the request and thanks maria right there, on the request's page; grace, a
 * manager, hears what she can do on someone else's request, and alice sees her anonymous
 * request as hers while nobody else does. The journeys build on each other, in this
 * order.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelpLoopBrowserIT extends BrowserJourney {

	static final String TITLE = "Flyway migration fails on PostgreSQL with a duplicate index";

	/** The title alice first posts, before she edits it to {@link #TITLE}. */
	static final String POSTED_TITLE = "Flyway migration fails on PostgreSQL";

	static final String DETAILS = "V7 creates an index that V3 already created under another name. H2 accepts it,"
			+ " PostgreSQL stops with: relation \"idx_requests_status\" already exists.";

	static final String OFFER = "Drop the old index in the same migration first: DROP INDEX IF EXISTS"
			+ " idx_requests_status; then create it under the new name. Happy to pair on it.";

	/** alice's anonymous, open request in the demo data. */
	static final String ANONYMOUS_TITLE = "How are levels and promotions decided here?";

	static final String THANKS = "Fixed in five minutes, and I learnt how Flyway orders migrations. Thank you!";

	/**
	 * The request alice posts, as its path ({@code /requests/35}); null until the first
	 * journey posted it.
	 */
	private static String requestPath;

	@Test
	@Order(1)
	void aliceAsksFixesWhatTheFormSaysAndFindsTheRequestInHerRequests() {
		open("/login");
		check("login");
		screenshot("login");
		signIn("alice");
		check("home (employee)");

		clickAndWait(By.linkText("Ask for help"));
		assertThat(currentPath()).isEqualTo("/requests/new");
		check("ask for help");

		// A specific draft that does not say what she tried: the coach has one tip, and
		// she may post it as it is
		type(By.id("title"), TITLE);
		type(By.id("details"), DETAILS);
		type(By.id("topics"), "sql, java");
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		assertThat(present(By.cssSelector(".is-invalid"))).isFalse();
		assertThat(find(By.cssSelector(".coach")).getText()).contains("A few tips before you post");
		assertThat(find(By.id("triedSoFar-tip")).getText()).contains("Say what you have already tried");
		assertThat(present(By.id("details-tip"))).isFalse();
		assertThat(find(By.cssSelector("main form button[type=submit]")).getText()).isEqualTo("Post it as it is");
		check("ask for help, with the coach's tips");
		screenshot("ask-coach");
		// She leaves that draft and starts again
		clickAndWait(By.linkText("Cancel"));
		clickAndWait(By.linkText("Ask for help"));

		// The form is ready to type in: the title has the focus, and the required fields
		// say so
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("title");
		assertThat(find(By.cssSelector("label[for=title]")).getText()).contains("(required)");
		assertThat(find(By.id("details")).getAttribute("required")).isNotNull();

		// A first try without a title: the form comes back with the error next to the
		// field, and the coach's tips
		type(By.id("details"), "It fails on PostgreSQL.");
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		WebElement title = find(By.id("title"));
		assertThat(title.getAttribute("class")).contains("is-invalid");
		assertThat(title.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(title.getAttribute("aria-describedby")).contains("title-errors");
		assertThat(find(By.id("title-errors")).getText()).isEqualTo("Give your request a title.");
		assertThat(find(By.id("details-tip")).getText()).contains("Add a little more detail");
		assertThat(find(By.id("triedSoFar-tip")).getText()).contains("Say what you have already tried");
		assertThat(present(By.id("title-tip"))).as("no title, no tip about it").isFalse();
		assertThat(find(By.id("details")).getAttribute("value")).isEqualTo("It fails on PostgreSQL.");
		assertThat(find(By.cssSelector("main form button[type=submit]")).getText()).isEqualTo("Post request");
		check("ask for help, with a validation error");
		screenshot("ask-validation");

		// She types a title and changes the details: a new draft, so the coach reads it
		// again and posts nothing yet
		type(By.id("title"), "help pls");
		type(By.id("details"), "it does not work");
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		assertThat(currentPath()).isEqualTo("/requests");
		assertThat(present(By.cssSelector(".is-invalid"))).isFalse();
		assertThat(find(By.id("title-tip")).getText()).contains("Make the title specific");
		assertThat(find(By.id("details-tip")).getText()).contains("Add a little more detail");
		assertThat(find(By.cssSelector("main form button[type=submit]")).getText()).isEqualTo("Post it as it is");
		check("ask for help, coached again after a validation error");
		screenshot("ask-coach-again");

		// She takes the tips: with none left, the request is posted at once
		type(By.id("title"), POSTED_TITLE);
		type(By.id("details"), DETAILS);
		type(By.id("triedSoFar"), "Ran the migrations on H2, where they pass.");
		type(By.id("topics"), "sql, java");
		click(By.cssSelector("input[name=urgency][value=HIGH]"));
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		assertThat(currentPath()).matches("/requests/\\d+");
		requestPath = currentPath();
		assertThat(find(By.cssSelector("main .alert-success[role=status]")).getText())
			.contains("Your request is posted", "Mentors with matching skills see it first");
		assertThat(heading()).isEqualTo(POSTED_TITLE);
		assertThat(mainText()).contains("by Alice Martin", "High", "Open");
		check("request detail (author, open)");

		// She sharpens the title afterwards: the edit form is the ask form, filled in
		WebElement actions = find(By.cssSelector("section[aria-labelledby=actions-h]"));
		assertThat(actions.getText()).contains("Cancel request", "Edit request");
		clickAndWait(By.cssSelector("section[aria-labelledby=actions-h] a[href$='/edit']"));
		assertThat(currentPath()).isEqualTo(requestPath + "/edit");
		assertThat(heading()).isEqualTo("Edit your request");
		assertThat(find(By.id("title")).getAttribute("value")).isEqualTo(POSTED_TITLE);
		assertThat(find(By.id("topics")).getAttribute("value")).isEqualTo("java, sql");
		check("edit request");
		screenshot("edit-request");
		phone();
		assertNoSidewaysScrolling();
		screenshot("phone-edit-request");
		desktop();
		type(By.id("title"), TITLE);
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		assertThat(currentPath()).isEqualTo(requestPath);
		assertThat(find(By.cssSelector("main .alert-success[role=status]")).getText())
			.contains("Your request is updated.");
		assertThat(heading()).isEqualTo(TITLE);
		assertThat(mainText()).contains("You edited it", "High", "Open");
		check("request detail (author, edited)");

		// "My requests": on the home page, and as the "Mine" filter of the list
		clickAndWait(By.cssSelector("nav a[href='/']"));
		assertThat(find(By.cssSelector("section[aria-labelledby=mine-h]")).getText()).contains(TITLE);
		clickAndWait(By.cssSelector("nav a[href='/requests']"));
		click(By.id("mine"));
		clickAndWait(By.cssSelector("form.filters button[type=submit]"));
		assertThat(currentPath()).contains("mine=true");
		List<String> titles = findAll(By.cssSelector(".request-card a")).stream().map(WebElement::getText).toList();
		assertThat(titles).first().isEqualTo(TITLE);
		assertThat(findAll(By.cssSelector(".request-card"))).isNotEmpty()
			.allSatisfy((card) -> assertThat(card.getText()).contains("by Alice Martin"));
		check("requests, filtered");
	}

	@Test
	@Order(2)
	void mariaFindsItFirstInHerQueueClaimsItAndOffersHelp() {
		assumeTrue(requestPath != null, "alice's journey posted no request");
		signIn("maria");
		check("home (mentor)");

		clickAndWait(By.cssSelector("nav a[href='/mentor']"));
		WebElement first = find(By.cssSelector("section[aria-labelledby=queue-h] .request-card"));
		assertThat(first.findElement(By.tagName("a")).getText()).isEqualTo(TITLE);
		assertThat(first.getText()).contains("Matches your skills", "High", "by Alice Martin");
		check("mentor queue");
		screenshot("mentor-queue");

		clickAndWait(first.findElement(By.tagName("a")));
		assertThat(currentPath()).isEqualTo(requestPath);
		check("request detail (mentor, open)");
		clickAndWait(By.cssSelector("form[action$='/claim'] button"));
		assertThat(find(By.cssSelector("main .alert-success")).getText()).contains("You claimed this request");
		assertThat(find(By.cssSelector("header .badge.status-claimed")).getText()).isEqualTo("Claimed");
		assertThat(mainText()).contains("claimed by Maria Rossi");
		assertThat(present(By.cssSelector("form[action$='/claim']"))).isFalse();
		check("request detail (claimer)");

		type(By.id("message"), OFFER);
		clickAndWait(By.cssSelector("form[action$='/offers'] button[type=submit]"));
		assertThat(find(By.cssSelector("main .alert-success")).getText()).contains("Thanks for helping");
		assertThat(find(By.cssSelector("header .badge.status-answered")).getText()).isEqualTo("Answered");
		assertThat(find(By.cssSelector("[id^=offer-]")).getText()).contains("Maria Rossi", OFFER, "Your offer");

		// Her card is not empty: it says who decides now, and she may still step back or
		// change her offer
		WebElement card = find(By.cssSelector("section[aria-labelledby=actions-h]"));
		assertThat(card.getText()).contains("You offered help; Alice Martin decides whether it solves their problem.",
				"Release my claim");
		check("request detail (helper, after offering)");
		screenshot("request-detail-helper");
		phone();
		assertNoSidewaysScrolling();
		screenshot("phone-request-detail-helper");
		desktop();

		click(By.cssSelector(".offer-change summary"));
		type(By.cssSelector(".offer-change textarea"), OFFER + " Or rename it in V8.");
		clickAndWait(By.cssSelector(".offer-change form[action*='/offers/'] button[type=submit]"));
		assertThat(find(By.cssSelector("main .alert-success")).getText()).contains("Your offer is changed");
		assertThat(find(By.cssSelector("[id^=offer-]")).getText()).contains("Or rename it in V8.", "edited");
		check("request detail (helper, offer changed)");
	}

	@Test
	@Order(3)
	void aliceAcceptsTheAnswerResolvesAndThanksMariaOnTheWall() {
		assumeTrue(requestPath != null, "alice's journey posted no request");
		signIn("alice");
		// "Since your last visit": maria's answer, and her own request without "by" her
		By since = By.cssSelector("section[aria-labelledby=since-h]");
		assertThat(find(since).getText()).contains("You were last here", TITLE, "Maria Rossi offered help.");
		WebElement mine = find(By.cssSelector("section[aria-labelledby=mine-h]"));
		assertThat(mine.getText()).contains(TITLE, "Answered").doesNotContain("by Alice Martin");
		screenshot("home");
		phone();
		assertNoSidewaysScrolling();
		check("home (phone)");
		screenshot("phone-home");
		desktop();

		// The inbox, from the menu: maria's claim and answer, newest first; the request
		// is
		// one click away
		String claimed = "Maria Rossi claimed your request \u201c" + TITLE + "\u201d.";
		String offered = "Maria Rossi offered help on your request \u201c" + TITLE + "\u201d.";
		clickAndWait(By.cssSelector("#nav-notifications"));
		assertThat(currentPath()).isEqualTo("/notifications");
		assertThat(mainText()).contains(claimed, offered);
		assertThat(mainText().indexOf(offered)).as("newest first").isLessThan(mainText().indexOf(claimed));
		assertThat(find(By.cssSelector("#nav-notifications [data-unread-count]")).getText()).matches("[1-9][0-9]*\\+?");
		check("notifications");
		screenshot("notifications");
		phone();
		assertNoSidewaysScrolling();
		screenshot("phone-notifications");
		desktop();
		open("/");

		clickAndWait(find(since).findElement(By.linkText(TITLE)));
		assertThat(currentPath()).isEqualTo(requestPath);
		check("request detail (author, answered)");
		assertThat(find(By.cssSelector("section[aria-labelledby=actions-h]")).getText())
			.contains("If it solves your problem, accept it");
		screenshot("request-detail");
		screenshot("request-detail-author");
		phone();
		assertNoSidewaysScrolling();
		check("request detail (phone)");
		screenshot("phone-request-detail");
		desktop();

		clickAndWait(By.cssSelector("[id^=offer-] form[action$='/resolve'] button"));
		assertThat(find(By.cssSelector("main .alert-success")).getText()).contains("Resolved");
		assertThat(find(By.cssSelector("header .badge.status-resolved")).getText()).isEqualTo("Resolved");
		assertThat(find(By.cssSelector("[id^=offer-]")).getText()).contains("Accepted answer");
		assertThat(present(By.cssSelector("form[action$='/resolve']"))).isFalse();

		// Right there, the thank-you form: for maria, about this request, public, the
		// cursor in the note
		assertThat(currentPath()).startsWith(requestPath + "?thank=maria");
		assertThat(find(By.cssSelector("#to option:checked")).getText()).contains("Maria Rossi");
		assertThat(find(By.id("publicNote1")).isSelected()).isTrue();
		assertThat(script("return document.activeElement && document.activeElement.id"))
			.as("the focused element; the form: %s, the script: %s", script(
					"var t = document.querySelector('[data-autofocus]'); return t && t.outerHTML.substring(0, 200)"),
					script("return Array.from(document.scripts).map(function (s) { return s.src; }).join(' ')"))
			.isEqualTo("message");
		check("request detail (author, resolved, thanking)");
		type(By.id("message"), THANKS);
		clickAndWait(By.cssSelector("form[action$='/thanks'] button[type=submit]"));

		assertThat(currentPath()).startsWith(requestPath + "#");
		assertThat(find(By.cssSelector("main .alert-success")).getText()).contains("thank-you note is sent");
		assertThat(find(By.cssSelector("section[aria-labelledby=thanks-h]")).getText()).contains(THANKS,
				"You thanked Maria Rossi");
		WebElement card = find(By.cssSelector("section[aria-labelledby=actions-h]"));
		assertThat(card.getText()).contains("You thanked Maria Rossi", "reopen it and say why");
		assertThat(present(By.linkText("Thank Maria Rossi"))).isFalse();
		check("request detail (author, resolved, thanked)");
		screenshot("request-thanked");
		phone();
		assertNoSidewaysScrolling();
		screenshot("phone-request-thanked");
		desktop();

		// The public note is on the wall as well
		clickAndWait(By.cssSelector("nav a[href='/thanks']"));
		WebElement newest = find(By.cssSelector("section[aria-labelledby=wall-h] figure"));
		assertThat(newest.getText()).contains(THANKS, "Alice Martin thanked Maria Rossi");
		check("thanks wall");
		screenshot("thanks-wall");

		// maria, who helped, reads the note on the request
		signIn("maria");
		open(requestPath);
		assertThat(find(By.cssSelector("section[aria-labelledby=thanks-h]")).getText()).contains(THANKS,
				"Alice Martin thanked Maria Rossi");
	}

	@Test
	@Order(4)
	void graceHearsWhatSheCanDoOnSomeoneElsesRequest() {
		assumeTrue(requestPath != null, "alice's journey posted no request");
		signIn("grace");
		open("/requests?status=OPEN");
		clickAndWait(find(By.cssSelector(".request-card a")));
		WebElement card = find(By.cssSelector("section[aria-labelledby=actions-h]"));
		assertThat(card.getText()).containsPattern("You can offer help below\\. Only .+ can resolve or cancel it\\.");
		assertThat(card.findElements(By.tagName("form"))).isEmpty();
		check("request detail (manager, someone else's)");
	}

	@Test
	@Order(5)
	void aliceSeesHerAnonymousRequestAsHersAndNobodyElseSeesHerName() {
		signIn("alice");
		open("/requests?mine=true&status=OPEN");
		clickAndWait(By.linkText(ANONYMOUS_TITLE));
		String anonymousPath = currentPath();
		assertThat(mainText()).contains("Only you see that this is yours; everyone else sees: asked anonymously.")
			.doesNotContain("by Alice Martin", "Alice Martin opened it");
		assertThat(find(By.cssSelector("ol.history")).getText())
			.contains("You opened it (shown to others as: the person who asked)");
		WebElement card = find(By.cssSelector("section[aria-labelledby=actions-h]"));
		assertThat(card.findElements(By.cssSelector("form button")).get(0).getText())
			.as("the likely action first: a request without offers is cancelled, not resolved")
			.isEqualTo("Cancel request");
		check("request detail (author, anonymous)");
		screenshot("request-detail-anonymous-author");

		signIn("bob");
		open(anonymousPath);
		assertThat(mainText())
			.contains("asked anonymously", "The person who asked opened it",
					"Only the person who asked can resolve or cancel it.")
			.doesNotContain("Alice");
	}

	@Test
	@Order(4)
	void mariaSeesTheResolutionAndTheThanksAndGraceSeesTheWeekOnHerHome() {
		assumeTrue(requestPath != null, "alice's journey posted no request");
		signIn("maria");
		assertThat(find(By.cssSelector("section[aria-labelledby=since-h]")).getText()).contains(TITLE,
				"You claimed this request, and it is resolved now.", "Alice Martin thanked you.", THANKS);
		check("home (mentor, since the last visit)");
		clickAndWait(By.cssSelector("#nav-notifications"));
		assertThat(mainText()).contains("Alice Martin resolved \u201c" + TITLE + "\u201d and accepted your answer.",
				"Alice Martin thanked you for your help with \u201c" + TITLE + "\u201d.");
		clickAndWait(By.xpath("//button[contains(., 'accepted your answer') and contains(., '" + TITLE + "')]"));
		assertThat(currentPath()).isEqualTo(requestPath);
		signOut();

		signIn("grace");
		WebElement week = find(By.cssSelector("section[aria-labelledby=week-h]"));
		assertThat(week.getText()).contains("Requests posted", "Median first response");
		assertThat(week.findElement(By.linkText("See all the statistics")).getAttribute("href")).endsWith("/stats");
		check("home (manager)");
		screenshot("home-manager");
	}

}
