package org.handraise.stats;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.handraise.people.PeopleService;
import org.handraise.requests.RequestSeeding;
import org.handraise.support.Api;
import org.handraise.thanks.ThanksService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * The same hand-computed {@link StatsFixture} on H2 in PostgreSQL mode, with the
 * percentiles forced to the sorted-durations fallback: the SQL runs on both databases and
 * both ways of computing percentiles agree.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "handraise.demo-data=false", "handraise.stats.percentiles=java",
		"spring.datasource.url=jdbc:h2:mem:stats-${random.uuid};MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
class StatsH2IT {

	private static final String PASSWORD = "correct-horse-battery";

	@LocalServerPort
	int port;

	@Autowired
	PeopleService people;

	@Autowired
	RequestSeeding requests;

	@Autowired
	ThanksService thanks;

	@Autowired
	PasswordEncoder passwordEncoder;

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(StatsFixture.NOW, ZoneOffset.UTC);
		}

	}

	@Test
	void everyFigureMatchesTheHandComputedFixtureOnH2Too() {
		String hash = this.passwordEncoder.encode(PASSWORD);
		StatsFixture.load((username, team, roles) -> this.people.seed(username,
				Character.toUpperCase(username.charAt(0)) + username.substring(1) + " Test", team, List.of(roles),
				List.of(), hash, null), this.requests, this.thanks);
		Api api = new Api("http://localhost:" + this.port);
		StatsFixture.assertFigures(api.get("/api/stats?" + StatsFixture.PERIOD, "grace", PASSWORD).json());
		StatsFixture.assertMobileSuppressed(
				api.get("/api/stats?" + StatsFixture.PERIOD + "&team=Mobile", "grace", PASSWORD).json());
		StatsFixture.assertPlatformWithoutAnonymous(
				api.get("/api/stats?" + StatsFixture.PERIOD + "&team=Platform", "grace", PASSWORD).json());
	}

}
