package org.handraise.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only where Debian's chromium and chromedriver are installed.
 * Where they are missing the tests are skipped, with one loud line in the build output;
 * on CI ({@code CI=true}) a missing browser fails the build instead, so that the journeys
 * can never silently stop running there.
 */
final class BrowserAvailable implements BeforeAllCallback {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final AtomicBoolean TOLD = new AtomicBoolean();

	@Override
	public void beforeAll(ExtensionContext context) {
		List<Path> missing = List.of(CHROMIUM, CHROMEDRIVER).stream().filter((p) -> !Files.isExecutable(p)).toList();
		if (missing.isEmpty()) {
			return;
		}
		String what = "chromium/chromedriver not installed (missing " + missing
				+ "; apt-get install chromium chromium-driver)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("Browser tests cannot run on CI: " + what);
		}
		if (TOLD.compareAndSet(false, true)) {
			System.out.println("*** BROWSER TESTS SKIPPED: " + what + " ***");
		}
		Assumptions.abort("Browser tests skipped: " + what);
	}

}
