package org.handraise.browser;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.handraise.requests.RequestCommands;
import org.handraise.requests.RequestDraft;
import org.handraise.requests.RequestView;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people must not see or do, checked in the browser: bob is offered no claim or
 * resolve button on alice's request, and a POST he forges from his own session (with his
 * real CSRF token) is refused; a request alice posts anonymously shows her name to
 * nobody, grace the manager included.
 */
@Tag("browser")
class AccessControlBrowserIT extends BrowserJourney {

	@Autowired
	RequestCommands requests;

	@Test
	void bobSeesNoClaimOrResolveButtonOnAlicesRequestAndAForgedPostIsRefused() {
		RequestView request = this.requests.post("alice",
				new RequestDraft("How do I squash the last three commits before a review?",
						"My branch has three small fix-up commits; the reviewer asked for one clean commit.",
						"git rebase -i, but I am unsure which lines to change.", List.of("git"), "LOW", false));
		String path = "/requests/" + request.id();

		signIn("bob");
		open(path);
		assertThat(heading()).isEqualTo(request.title());
		assertThat(present(By.cssSelector("main form[action$='/claim']"))).as("claim button").isFalse();
		assertThat(present(By.cssSelector("main form[action$='/resolve']"))).as("resolve button").isFalse();
		assertThat(present(By.cssSelector("main form[action$='/cancel']"))).as("cancel button").isFalse();
		assertThat(find(By.cssSelector("aside")).getText()).doesNotContain("Claim this request", "Mark as resolved");
		check("request detail (someone else's)");

		// Forged with the session's real CSRF token, from bob's own page: the server
		// still says no
		String token = (String) script("return document.querySelector('input[name=_csrf]').value");
		assertThat(token).isNotBlank();
		assertThat(post(path + "/claim", token)).as("bob claims (he is no mentor)").isEqualTo(403);
		assertThat(post(path + "/resolve", token)).as("bob resolves alice's request").isEqualTo(403);
		assertThat(post(path + "/cancel", token)).as("bob cancels alice's request").isEqualTo(403);
		// ... and without the token, as another site would send it
		assertThat(post(path + "/resolve", null)).as("resolve without a CSRF token").isEqualTo(403);

		// A form injected into his page and submitted like a real one lands on the
		// friendly 403 page
		script("""
				var form = document.createElement('form');
				form.method = 'post';
				form.action = arguments[0];
				var token = document.createElement('input');
				token.type = 'hidden';
				token.name = '_csrf';
				token.value = arguments[1];
				form.appendChild(token);
				document.body.appendChild(form);
				form.submit();""", path + "/resolve", token);
		waitUntil((d) -> !present(By.cssSelector("main article")));
		assertThat(heading()).isEqualTo("Not for you");
		assertThat(mainText()).contains("Only the person who asked");
		check("error 403");

		open(path);
		assertThat(find(By.cssSelector("header .badge.status-open")).getText()).isEqualTo("Open");
		assertThat(find(By.cssSelector(".history")).getText()).doesNotContain("Bob");

		// The same page offers the buttons to those who may use them, so the checks above
		// can fail
		signOut();
		signIn("maria");
		open(path);
		assertThat(present(By.cssSelector("main form[action$='/claim']"))).as("maria's claim button").isTrue();
		signOut();
		signIn("alice");
		open(path);
		assertThat(present(By.cssSelector("main form[action$='/resolve']"))).as("alice's resolve button").isTrue();
	}

	@Test
	void aliceAsksAnonymouslyAndGraceSeesNoName() {
		String title = "Is it normal to feel lost in my second month in the Platform team?";
		signIn("alice");
		open("/requests/new");
		type(By.id("title"), title);
		type(By.id("details"), "Everyone seems to know the systems already and I hesitate to ask basic questions"
				+ " in the team chat. How did others get through this?");
		type(By.id("triedSoFar"), "Reading the wiki in the evenings, which does not help much.");
		type(By.id("topics"), "onboarding");
		click(By.id("anonymous1"));
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		// the title names her team: the coach says people could tell it is her, and she
		// decides to post it anyway
		assertThat(currentPath()).isEqualTo("/requests");
		assertThat(find(By.cssSelector(".coach")).getText()).contains("You are asking anonymously");
		assertThat(find(By.cssSelector("main form button[type=submit]")).getText()).isEqualTo("Post it as it is");
		check("ask anonymously, with the coach's warning");
		clickAndWait(By.cssSelector("main form button[type=submit]"));
		assertThat(currentPath()).matches("/requests/\\d+");
		String path = currentPath();
		// She still sees it as hers; nobody else sees who asked
		assertThat(mainText()).contains("Only you see that this is yours; everyone else sees: asked anonymously.");
		check("request detail (author, anonymous)");
		signOut();

		signIn("grace");
		open("/requests?q=" + "second+month+in+the+Platform");
		List<WebElement> cards = findAll(By.cssSelector(".request-card"));
		assertThat(cards).hasSize(1);
		assertThat(cards.get(0).getText()).contains(title, "asked anonymously")
			.doesNotContainIgnoringCase("alice")
			.doesNotContain("Martin", "yours");
		check("requests (manager)");

		open(path);
		assertThat(heading()).isEqualTo(title);
		String page = mainText();
		assertThat(page).contains("asked anonymously", "The person who asked")
			.doesNotContainIgnoringCase("alice")
			.doesNotContain("Martin", "yours");
		String html = find(By.id("main")).getAttribute("innerHTML");
		assertThat(html).doesNotContainIgnoringCase("alice").doesNotContain("Martin");
		check("request detail (anonymous, someone else's)");
	}

	/**
	 * POSTs from the page's own session with fetch (no redirects followed), and gives the
	 * status.
	 */
	private int post(String path, String csrfToken) {
		Object status = driver.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				var body = arguments[1] ? '_csrf=' + encodeURIComponent(arguments[1]) : '';
				fetch(arguments[0], { method: 'POST', redirect: 'manual', credentials: 'same-origin',
				    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'text/html' },
				    body: body })
				  .then(function (r) { done(r.status); }, function (e) { done(String(e)); });""", path, csrfToken);
		return ((Number) status).intValue();
	}

}
