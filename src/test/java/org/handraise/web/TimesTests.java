package org.handraise.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times for people: relative times, and an exact time that says which zone it is in. The
 * server does not know the viewer's zone, so without JavaScript the exact time is UTC,
 * labelled "UTC", whatever zone the server runs in; {@code handraise.js} turns it into
 * the browser's zone.
 */
class TimesTests {

	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	private final ResourceBundleMessageSource messages = messages();

	/** The clock's zone is not the viewer's either: only its instant counts. */
	private final Times times = new Times(this.messages, Clock.fixed(NOW, ZoneId.of("America/Los_Angeles")));

	private final TimeZone serverZone = TimeZone.getDefault();

	@AfterEach
	void restore() {
		TimeZone.setDefault(this.serverZone);
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theExactTimeIsUtcAndSaysSoWhateverTheServersZone() {
		LocaleContextHolder.setLocale(Locale.UK);
		Instant lateEvening = Instant.parse("2026-03-01T23:30:00Z");
		for (String zone : new String[] { "UTC", "Pacific/Auckland", "America/New_York" }) {
			TimeZone.setDefault(TimeZone.getTimeZone(zone));

			assertThat(this.times.exact(lateEvening)).as("server in " + zone).isEqualTo("1 Mar 2026, 23:30 UTC");
		}
	}

	@Test
	void theExactTimeIsInTheViewersLocale() {
		Instant morning = Instant.parse("2026-03-02T07:05:00Z");

		LocaleContextHolder.setLocale(Locale.GERMANY);
		assertThat(this.times.exact(morning)).isEqualTo("02.03.2026, 07:05 UTC");

		LocaleContextHolder.setLocale(Locale.US);
		assertThat(this.times.exact(morning)).matches("Mar 2, 2026, 7:05\\hAM UTC");
	}

	@Test
	void theUtcLabelComesFromTheMessages() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("xx"));

		assertThat(this.times.exact(Instant.parse("2026-03-02T07:05:00Z"))).endsWith("\u00abxx\u00bb UTC");
	}

	@Test
	void theMachineReadableTimeIsAnIsoInstantInUtcToTheSecond() {
		TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));

		assertThat(this.times.iso(Instant.parse("2026-11-25T21:46:03.782839449Z"))).isEqualTo("2026-11-25T21:46:03Z");
		assertThat(this.times.iso(Instant.parse("2026-11-25T21:46:00Z"))).isEqualTo("2026-11-25T21:46:00Z");
		assertThat(this.times.iso(null)).isEmpty();
	}

	@Test
	void relativeTimesCountBackFromNow() {
		LocaleContextHolder.setLocale(Locale.UK);

		assertThat(this.times.relative(NOW.minusSeconds(30))).isEqualTo("just now");
		assertThat(this.times.relative(NOW.minusSeconds(60))).isEqualTo("1 minute ago");
		assertThat(this.times.relative(NOW.minusSeconds(3 * 3600))).isEqualTo("3 hours ago");
		assertThat(this.times.relative(NOW.minusSeconds(2 * 86400))).isEqualTo("2 days ago");
	}

	@Test
	void olderTimesShowTheUtcDate() {
		LocaleContextHolder.setLocale(Locale.UK);
		TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));

		assertThat(this.times.relative(Instant.parse("2026-01-10T23:30:00Z"))).isEqualTo("10 Jan 2026");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
