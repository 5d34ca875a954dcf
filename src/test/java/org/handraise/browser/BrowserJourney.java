package org.handraise.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser journey shares: one application on a random port with the demo data
 * on an in-memory H2 database (the same context for every journey class, so it starts
 * once), one headless chromium per class, and the helpers a journey needs: sign in
 * through the login page, click and wait for the next page, check the page with axe-core,
 * take a screenshot at desktop or phone width.
 * <p>
 * Every page a journey looks at goes through {@link #check(String)}: axe-core runs on it,
 * and a violation of impact "serious" or "critical" fails the journey (all of them
 * listed, after the journey ran).
 */
@Tag("browser")
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "handraise.demo-data=true", "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
abstract class BrowserJourney {

	static final int DESKTOP_WIDTH = 1440;

	static final int DESKTOP_HEIGHT = 900;

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final Path AXE_REPORT = Path.of("target", "axe-violations.txt");

	private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

	/**
	 * Pages already checked by axe in this run (by name), so that the login page is not
	 * checked 15 times.
	 */
	private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

	static ChromeDriver driver;

	private static Path profile;

	@LocalServerPort
	int port;

	private final List<String> accessibilityProblems = new ArrayList<>();

	@BeforeAll
	static void startBrowser() throws IOException {
		if (CHECKED.isEmpty()) {
			Files.deleteIfExists(AXE_REPORT);
		}
		System.setProperty("webdriver.chrome.driver", BrowserAvailable.CHROMEDRIVER.toString());
		profile = Files.createTempDirectory("handraise-chromium-");
		driver = chromium(profile);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(20));
	}

	/**
	 * A headless chromium with a fresh profile, at desktop size, in British English,
	 * driven by Debian's chromedriver.
	 */
	static ChromeDriver chromium(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BrowserAvailable.CHROMIUM.toString());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--hide-scrollbars", "--force-prefers-reduced-motion", "--force-color-profile=srgb",
				"--lang=en-GB", "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT, "--user-data-dir=" + profile);
		return new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(BrowserAvailable.CHROMEDRIVER.toFile())
					.usingAnyFreePort()
					.build(),
				options);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	@BeforeEach
	void startSignedOut() {
		desktop();
		open("/login");
		driver.manage().deleteAllCookies();
		this.accessibilityProblems.clear();
	}

	@AfterEach
	void noSeriousAccessibilityProblems() {
		assertThat(this.accessibilityProblems)
			.as("axe-core found serious or critical accessibility violations:%n%s",
					String.join(System.lineSeparator(), this.accessibilityProblems))
			.isEmpty();
	}

	// Navigation

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void open(String path) {
		driver.get(url(path));
	}

	/** The path (and query) of the page the browser shows. */
	String currentPath() {
		String url = driver.getCurrentUrl();
		return url.substring(url.indexOf('/', "http://".length()));
	}

	/** Clicks something that loads a new page, and waits until the new page is there. */
	void clickAndWait(WebElement element) {
		markPage();
		click(element);
		waitForNewPage();
	}

	/**
	 * Marks the page's window so that {@link #waitForNewPage()} knows when another
	 * document replaced it (no element references to the old page, whose nodes chromium
	 * may report as "not in the document" rather than stale).
	 */
	void markPage() {
		script("window.handraiseOldPage = true");
	}

	/**
	 * Waits until a new document, loaded completely, replaced the one {@link #markPage()}
	 * marked.
	 */
	void waitForNewPage() {
		waitUntil((d) -> Boolean.TRUE
			.equals(script("return window.handraiseOldPage === undefined" + " && document.readyState === 'complete'")));
	}

	void clickAndWait(By by) {
		clickAndWait(driver.findElement(by));
	}

	/**
	 * Scrolls an element to the middle of the screen and clicks it. (Bootstrap scrolls
	 * smoothly, so without an instant scroll first a click can land where the element was
	 * a moment ago.)
	 */
	void click(WebElement element) {
		script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'})", element);
		element.click();
	}

	void click(By by) {
		click(find(by));
	}

	<T> T waitUntil(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	WebElement find(By by) {
		return driver.findElement(by);
	}

	List<WebElement> findAll(By by) {
		return driver.findElements(by);
	}

	boolean present(By by) {
		return !driver.findElements(by).isEmpty();
	}

	String mainText() {
		return find(By.id("main")).getText();
	}

	String heading() {
		return find(By.cssSelector("main h1")).getText();
	}

	/** Replaces the text of a field, as a person typing it would. */
	void type(By field, String text) {
		WebElement input = find(field);
		input.clear();
		input.sendKeys(text);
	}

	// Signing in and out, through the real pages

	void signIn(String username) {
		signIn(username, "demo");
	}

	void signIn(String username, String password) {
		fillLogin(username, password);
		assertThat(currentPath()).as("after signing in as %s", username).doesNotStartWith("/login");
		assertThat(find(By.cssSelector("form[action='/logout']")).getText()).contains(username);
	}

	/** Tries to sign in and expects the login page to refuse it. */
	void signInRefused(String username, String password) {
		fillLogin(username, password);
		assertThat(currentPath()).as("after trying to sign in as %s", username).isEqualTo("/login?error");
		assertThat(find(By.cssSelector("main .alert-danger[role=alert]")).getText())
			.contains("Wrong username or password");
	}

	private void fillLogin(String username, String password) {
		open("/login");
		check("login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		clickAndWait(By.cssSelector("main form button[type=submit]"));
	}

	void signOut() {
		clickAndWait(By.cssSelector("form[action='/logout'] button[type=submit]"));
		assertThat(currentPath()).isEqualTo("/login?logout");
	}

	// Accessibility

	/**
	 * Runs axe-core on the page the browser shows, unless a page of that name was checked
	 * already in this run, and keeps every serious or critical violation for
	 * {@link #noSeriousAccessibilityProblems()}.
	 */
	void check(String page) {
		if (!CHECKED.add(page)) {
			return;
		}
		Results results = new AxeBuilder().analyze(driver);
		assertThat(results.isErrored()).as("axe-core failed on %s: %s", page, results.getErrorMessage()).isFalse();
		for (Rule rule : results.getViolations()) {
			note(page + " (" + currentPath() + "): " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp()
					+ " [" + rule.getNodes().size() + " element(s)]");
			if (BLOCKING_IMPACTS.contains(rule.getImpact())) {
				String nodes = rule.getNodes()
					.stream()
					.limit(5)
					.map((n) -> "      " + n.getTarget() + " " + abbreviate(n.getHtml()))
					.collect(Collectors.joining(System.lineSeparator()));
				this.accessibilityProblems.add("  " + page + " (" + currentPath() + "): " + rule.getImpact() + " "
						+ rule.getId() + ": " + rule.getHelp() + " [" + rule.getNodes().size() + " element(s)]"
						+ System.lineSeparator() + nodes);
			}
		}
	}

	/**
	 * Every violation, blocking or not, goes to target/axe-violations.txt for a look now
	 * and then.
	 */
	private static void note(String line) {
		try {
			Files.createDirectories(AXE_REPORT.getParent());
			Files.writeString(AXE_REPORT, line + System.lineSeparator(), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String abbreviate(String html) {
		String oneLine = (html != null) ? html.replaceAll("\\s+", " ") : "";
		return (oneLine.length() > 160) ? oneLine.substring(0, 157) + "..." : oneLine;
	}

	// Screen sizes and screenshots

	/** A desktop screen: a window whose page area is 1440 by 900 px. */
	void desktop() {
		driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		Number width = (Number) script("return window.innerWidth");
		Number height = (Number) script("return window.innerHeight");
		if (width.intValue() != DESKTOP_WIDTH || height.intValue() != DESKTOP_HEIGHT) {
			Dimension window = driver.manage().window().getSize();
			driver.manage()
				.window()
				.setSize(new Dimension(window.getWidth() + DESKTOP_WIDTH - width.intValue(),
						window.getHeight() + DESKTOP_HEIGHT - height.intValue()));
		}
	}

	/**
	 * A phone: 375 px wide, touch-sized, at twice the pixel density; reloads the page to
	 * lay it out again.
	 */
	void phone() {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 375, "height", 740, "deviceScaleFactor", 2, "mobile", true));
		driver.navigate().refresh();
		waitUntil((d) -> "complete".equals(script("return document.readyState")));
	}

	/** Nothing on the page is wider than the screen (no sideways scrolling). */
	void assertNoSidewaysScrolling() {
		Number page = (Number) script("return document.documentElement.scrollWidth");
		Number screen = (Number) script("return window.innerWidth");
		assertThat(page.intValue()).as("page width at %s px (sideways scrolling on %s)", screen, currentPath())
			.isLessThanOrEqualTo(screen.intValue());
	}

	/**
	 * Saves what the screen shows (the viewport, not the whole page) as
	 * target/screenshots/{name}.png.
	 */
	void screenshot(String name) {
		script("window.scrollTo({top: 0, left: 0, behavior: 'instant'})");
		byte[] png = driver.getScreenshotAs(OutputType.BYTES);
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Path partial = SCREENSHOTS.resolve(name + ".png.part");
			Files.write(partial, png);
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
