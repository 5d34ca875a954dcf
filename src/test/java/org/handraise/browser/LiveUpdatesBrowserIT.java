package org.handraise.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.handraise.people.PeopleService;
import org.handraise.people.Role;
import org.handraise.support.Instances;
import org.handraise.support.Api;
import org.handraise.support.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates in the browser, across two instances on one PostgreSQL: alice's page on
 * instance A shows her new unread count within 5 s of maria's claim made on instance B
 * (over the API), without a reload; her open request's page shows the claim without a
 * reload; and bob, typing an answer on that page, keeps what he typed and is offered a
 * reload instead.
 */
@Tag("browser")
@ExtendWith(BrowserAvailable.class)
class LiveUpdatesBrowserIT {

	private static final String PASSWORD = "live-browser-pw";

	private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static ChromeDriver driver;

	private static Path profile;

	@BeforeAll
	static void twoInstancesAndABrowser() throws Exception {
		String url = EmbeddedPostgres.freshDatabase("live_browser");
		a = start(url);
		b = start(url);
		String hash = a.getBean(PasswordEncoder.class).encode(PASSWORD);
		PeopleService people = a.getBean(PeopleService.class);
		people.seed("alice", "Alice", "Platform", List.of(), List.of(), hash, null);
		people.seed("bob", "Bob", "Platform", List.of(), List.of(), hash, null);
		people.seed("maria", "Maria", "Platform", List.of(Role.MENTOR), List.of("java"), hash, null);
		System.setProperty("webdriver.chrome.driver", BrowserAvailable.CHROMEDRIVER.toString());
		profile = Files.createTempDirectory("handraise-chromium-");
		driver = BrowserJourney.chromium(profile);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(20));
	}

	@AfterAll
	static void stop() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return Instances.start(url);
	}

	@BeforeEach
	void signedOut() {
		driver.get(base(a) + "/login");
		driver.manage().deleteAllCookies();
	}

	@Test
	void alicesPageShowsTheNewCountWithinFiveSecondsOfAClaimOnTheOtherInstance() {
		long id = post("alice");
		signIn("alice");
		driver.get(base(a) + "/requests");
		long before = unread("alice");
		WebElement badge = driver.findElement(By.cssSelector("#nav-notifications [data-unread-count]"));
		assertThat(badge.isDisplayed()).isEqualTo(before > 0);
		markPage();

		claim(id);

		String expected = String.valueOf(before + 1);
		new WebDriverWait(driver, FIVE_SECONDS).until((d) -> expected.equals(badgeText()));
		assertThat(driver.findElement(By.cssSelector("#nav-notifications [data-unread-count]")).isDisplayed()).isTrue();
		assertThat(label()).isEqualTo((before + 1 == 1) ? "1 unread notification" : expected + " unread notifications");
		assertThat(samePage()).as("no reload").isTrue();
	}

	@Test
	void alicesOpenRequestShowsTheClaimWithoutAReload() {
		long id = post("alice");
		signIn("alice");
		driver.get(base(a) + "/requests/" + id);
		assertThat(content()).doesNotContain("claimed by Maria");
		markPage();

		claim(id);

		new WebDriverWait(driver, FIVE_SECONDS).until((d) -> content().contains("claimed by Maria"));
		assertThat(samePage()).as("no reload").isTrue();
	}

	@Test
	void someoneTypingOnTheRequestKeepsWhatTheyTypedAndIsOfferedAReload() {
		long id = post("alice");
		signIn("bob");
		driver.get(base(a) + "/requests/" + id);
		WebElement answer = driver.findElement(By.cssSelector("form[action$='/offers'] textarea"));
		answer.sendKeys("Try dropping the index first");
		markPage();

		claim(id);

		WebElement notice = new WebDriverWait(driver, FIVE_SECONDS)
			.until((d) -> d.findElements(By.cssSelector(".live-notice .alert")).stream().findFirst().orElse(null));
		assertThat(notice.getText()).contains("This request has changed.").contains("Reload");
		assertThat(driver.findElement(By.cssSelector(".live-notice")).getAttribute("aria-live")).isEqualTo("polite");
		assertThat(content()).as("the page is left as it is").doesNotContain("claimed by Maria");
		assertThat(driver.findElement(By.cssSelector("form[action$='/offers'] textarea")).getAttribute("value"))
			.isEqualTo("Try dropping the index first");
		assertThat(samePage()).isTrue();

		notice.findElement(By.tagName("button")).click();
		new WebDriverWait(driver, FIVE_SECONDS).until((d) -> !samePage());
		assertThat(content()).contains("claimed by Maria");
	}

	private static void signIn(String username) {
		driver.get(base(a) + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		WebElement password = driver.findElement(By.id("password"));
		password.sendKeys(PASSWORD);
		password.submit();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(
				(d) -> !d.getCurrentUrl().contains("/login") && !d.findElements(By.id("nav-notifications")).isEmpty());
	}

	private static void markPage() {
		driver.executeScript("window.handraiseSamePage = true");
	}

	private static boolean samePage() {
		return Boolean.TRUE.equals(driver.executeScript("return window.handraiseSamePage === true"));
	}

	private static String badgeText() {
		return (String) driver
			.executeScript("return document.querySelector('#nav-notifications [data-unread-count]').textContent");
	}

	private static String label() {
		return (String) driver
			.executeScript("return document.querySelector('#nav-notifications [data-unread-label]').textContent");
	}

	/**
	 * The request's content as the page shows it now, read in one step: live updates swap
	 * the element, so a reference found first could be gone by the time it is read.
	 */
	private static String content() {
		return (String) driver.executeScript("return document.getElementById('content').innerText");
	}

	private static long post(String author) {
		Api.Response posted = new Api(base(a)).post("/api/requests", author, PASSWORD,
				Map.of("title", "Flyway fails on a duplicate index", "details",
						"Our V7 migration fails on PostgreSQL with 'relation already exists'.", "topics",
						List.of("sql", "flyway"), "anonymous", false));
		assertThat(posted.status()).isEqualTo(201);
		return posted.json().get("id").asLong();
	}

	/** Maria claims the request on instance B, over the API. */
	private static void claim(long id) {
		assertThat(new Api(base(b)).post("/api/requests/" + id + "/claim", "maria", PASSWORD, Map.of()).status())
			.isEqualTo(200);
	}

	/**
	 * The person's unread count once the notifications listener has handled everything
	 * published so far.
	 */
	private static long unread(String username) {
		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
		new WebDriverWait(driver, Duration.ofSeconds(10)).until((d) -> jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and status <> 'FAILED'",
				Integer.class) == 0);
		return new Api(base(a)).get("/api/notifications?size=1", username, PASSWORD).json().get("unreadCount").asLong();
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

}
