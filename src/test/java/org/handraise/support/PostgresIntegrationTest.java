package org.handraise.support;

import java.time.Duration;

import java.util.List;

import org.handraise.people.PeopleService;
import org.handraise.people.Role;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a random port over a real PostgreSQL, the Flyway schema
 * validated by Hibernate, no demo data, and every table emptied before each test. Not
 * {@code @Transactional}: commits really happen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PostgresIntegrationTest {

	/** The password of every person made by {@link #person}. */
	protected static final String PASSWORD = "correct-horse-battery";

	private static String encodedPassword;

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected PeopleService people;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", EmbeddedPostgres::jdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("handraise.demo-data", () -> "false");
	}

	@BeforeEach
	void emptyTables() {
		awaitListenersOfTheLastTest();
		this.jdbc.execute("""
				truncate table event_publication, mail_digest_items, mail_deliveries, notifications,
				  notification_settings, access_tokens, thank_you_notes, request_events, offers, request_topics,
				  help_requests, stats_request, stats_request_topic, stats_day, stats_day_topic, stats_day_resolved,
				  stats_membership, topics, person_skills, person_roles, people, teams, login_throttle,
				  login_throttle_address, audit_events
				restart identity cascade""");
	}

	/**
	 * Waits (at most 10 s) until the listeners that run after a commit, such as the
	 * notifications', have finished with what the previous test published, so that they
	 * don't write into tables being emptied.
	 */
	private void awaitListenersOfTheLastTest() {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline && inFlightPublications() > 0) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private int inFlightPublications() {
		return this.jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and status <> 'FAILED'",
				Integer.class);
	}

	/**
	 * Waits (at most 10 s) until every event published so far has been handled by its
	 * listeners, then returns: for tests that look at what a listener after the commit
	 * wrote.
	 */
	protected void awaitListeners() {
		awaitListenersOfTheLastTest();
		assertThat(inFlightPublications()).as("event publications still in flight after 10 s").isZero();
	}

	/**
	 * Adds these members of the demo cast, in this order, each with the password
	 * {@link #PASSWORD}.
	 */
	protected void seed(DemoCast.Member... cast) {
		for (DemoCast.Member member : cast) {
			person(member.username(), member.team(), member.skills(), member.roles().toArray(new Role[0]));
		}
	}

	/** Adds a person whose password is {@link #PASSWORD}. */
	protected void person(String username, String team, List<String> skills, Role... roles) {
		if (encodedPassword == null) {
			encodedPassword = this.passwordEncoder.encode(PASSWORD);
		}
		this.people.seed(username, Character.toUpperCase(username.charAt(0)) + username.substring(1) + " Test", team,
				List.of(roles), skills, encodedPassword, null);
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
