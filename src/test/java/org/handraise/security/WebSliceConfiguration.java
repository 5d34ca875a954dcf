package org.handraise.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.handraise.web.PageLinks;
import org.handraise.web.Texts;
import org.handraise.web.Times;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * What a {@code @WebMvcTest} slice needs besides its controller: the real security filter
 * chains (pages with form login and CSRF, {@code /api/**} stateless Basic with problem
 * responses), the beans templates call ({@code @times}, {@code @pages}) and the one
 * controllers and error handlers make text of messages with ({@link Texts}), with a fixed
 * clock. (The application class, with its system clock, is part of every slice.) Public,
 * so slices in other packages can import the package-private {@link SecurityConfig}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfig.class, ProblemResponses.class, Times.class, PageLinks.class, Texts.class })
public class WebSliceConfiguration {

	/** "Now" in every web slice. */
	public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	/**
	 * A fixed "now" in front of the application's system clock, so relative times are
	 * predictable.
	 */
	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

}
