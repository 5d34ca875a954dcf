package org.handraise.browser;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Getting around: by keyboard only (a skip link first, a visible focus on everything one
 * can tab to), through the people directory, and onto the friendly error pages.
 */
@Tag("browser")
class NavigationBrowserIT extends BrowserJourney {

	@Test
	void theFirstTabShowsASkipLinkThatJumpsToTheContent() {
		signIn("alice");
		open("/requests");
		new Actions(driver).sendKeys(Keys.TAB).perform();
		WebElement skip = driver.switchTo().activeElement();
		assertThat(skip.getAttribute("class")).contains("skip-link");
		assertThat(skip.getText()).isEqualTo("Skip to content");
		assertThat(skip.isDisplayed()).isTrue();
		assertThat(skip.getSize().getWidth()).isGreaterThan(40);
		assertThat(skip.getSize().getHeight()).isGreaterThan(20);
		assertThat(hasVisibleFocus(skip)).as("focus indicator on the skip link").isTrue();

		new Actions(driver).sendKeys(Keys.ENTER).perform();
		waitUntil((d) -> "main".equals(driver.switchTo().activeElement().getAttribute("id")));
		assertThat(currentPath()).endsWith("#main");
		// The next tab goes into the content, past the navigation
		new Actions(driver).sendKeys(Keys.TAB).perform();
		WebElement next = driver.switchTo().activeElement();
		assertThat((Boolean) script("return document.getElementById('main').contains(arguments[0])", next)).isTrue();
	}

	@Test
	void exactTimesOnHoverAreInTheViewersOwnTimeZone() {
		// the browser is in Tokyo (UTC+9, no daylight saving), the server writes UTC
		driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
		try {
			signIn("alice");
			open("/requests");
			WebElement time = find(By.cssSelector("main time[datetime]"));
			Instant instant = Instant.parse(time.getAttribute("datetime"));
			ZonedDateTime inTokyo = instant.atZone(ZoneId.of("Asia/Tokyo"));

			String title = time.getAttribute("title");
			assertThat(title).as("localised by handraise.js").doesNotContain("UTC").contains("GMT+9");
			String minutes = String.format(":%02d", inTokyo.getMinute());
			int hour12 = (inTokyo.getHour() % 12 == 0) ? 12 : inTokyo.getHour() % 12;
			assertThat(title).as("the day and the time in Tokyo, on a 24- or a 12-hour clock")
				.containsPattern("\\b" + inTokyo.getDayOfMonth() + "\\b")
				.containsPattern("\\b(0?" + inTokyo.getHour() + minutes + "|" + hour12 + minutes
						+ "[\\s\\u00a0\\u202f]?" + ((inTokyo.getHour() < 12) ? "AM" : "PM") + ")\\b");
		}
		finally {
			driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
		}
	}

	@Test
	void everythingOneCanTabToShowsWhereTheFocusIs() {
		signIn("maria");
		open("/requests");
		List<String> withoutFocus = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			new Actions(driver).sendKeys(Keys.TAB).perform();
			WebElement focused = driver.switchTo().activeElement();
			if (!hasVisibleFocus(focused)) {
				withoutFocus
					.add(focused.getTagName() + " " + focused.getAttribute("outerHTML").replaceAll("\\s+", " "));
			}
		}
		assertThat(withoutFocus).as("elements without a visible focus indicator").isEmpty();
	}

	@Test
	void thePeopleDirectoryAPersonAndTheErrorPages() {
		signIn("bob");
		clickAndWait(By.cssSelector("nav a[href='/people']"));
		assertThat(heading()).isEqualTo("People");
		assertThat(mainText()).contains("Maria Rossi", "Mentor");
		check("people");
		screenshot("people");

		clickAndWait(By.linkText("Maria Rossi"));
		assertThat(currentPath()).isEqualTo("/people/maria");
		assertThat(mainText()).contains("java", "Mornings");
		check("person");

		open("/requests/987654");
		assertThat(heading()).isEqualTo("Not found");
		check("error 404 (unknown request)");
		open("/no/such/page");
		assertThat(heading()).isEqualTo("Not found");
		check("error 404 (unknown page)");
		open("/admin/people");
		assertThat(heading()).isEqualTo("Not for you");
		check("error 403 (wrong role)");
	}

	/**
	 * An outline or a focus ring (box shadow) that is really drawn, not "none" or fully
	 * transparent.
	 */
	private boolean hasVisibleFocus(WebElement element) {
		return (Boolean) script("""
				var s = getComputedStyle(arguments[0]);
				var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
				    && !/rgba\\(.*,\\s*0\\)$/.test(s.outlineColor);
				var ring = s.boxShadow && s.boxShadow !== 'none';
				return outline || ring;""", element);
	}

}
