package org.handraise.browser;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * grace, a manager, opens the statistics and sees the charts drawn. Skipped (not failed)
 * while the application has no statistics page yet.
 */
@Tag("browser")
class StatsBrowserIT extends BrowserJourney {

	@Test
	void graceOpensTheStatisticsAndSeesChartsDrawn() {
		signIn("grace");
		int status = status("/stats");
		assumeTrue(status != 404, "No statistics page yet (GET /stats gave 404): the stats journey is skipped");
		assertThat(status).as("GET /stats for a manager").isEqualTo(200);

		clickAndWait(By.cssSelector("nav a[href='/stats']"));
		assertThat(currentPath()).isEqualTo("/stats");
		assertThat(find(By.cssSelector("nav a[href='/stats']")).getAttribute("aria-current")).isEqualTo("page");
		List<WebElement> charts = findAll(By.cssSelector("main canvas"));
		assertThat(charts).as("charts on the statistics page").isNotEmpty();
		for (WebElement chart : charts) {
			assertThat(chart.getSize().getWidth()).isGreaterThan(100);
			assertThat(chart.getSize().getHeight()).isGreaterThan(50);
			waitUntil((d) -> drawnPixels(chart) > 500);
		}
		check("statistics");
		screenshot("stats");
	}

	/** How many pixels of a canvas are not transparent: zero for a chart nobody drew. */
	private long drawnPixels(WebElement canvas) {
		Object count = script("""
				var c = arguments[0];
				if (!c.width || !c.height) { return 0; }
				var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
				for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } }
				return n;""", canvas);
		return ((Number) count).longValue();
	}

	private int status(String path) {
		Object status = driver.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0], { redirect: 'manual', headers: { 'Accept': 'text/html' } })
				  .then(function (r) { done(r.status); }, function (e) { done(-1); });""", path);
		return ((Number) status).intValue();
	}

}
