package org.handraise.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.handraise.shared.DatabaseProduct;
import org.handraise.support.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics' facts and daily roll-ups have three sources: the migrations' backfills
 * (V8, V10, V19; released, so never changed), the application's SQL
 * ({@code request-facts.sql}, {@code request-topic-facts.sql}, run by {@link StatsFacts}
 * for each request) and {@code bench/derive-stats.sql}, which runs the application's SQL
 * for every request and the roll-ups as V10 does. On the same raw rows, written before V8
 * as a database of that time had them, all three give the same rows. The roll-ups are
 * compared summed over their shards (the backfills put everything in shard 0, the
 * application spreads by request).
 */
class StatsFactsSourcesIT {

	private static final String DATABASE = "stats_facts_sources";

	/**
	 * Raw rows as the schema before V8 holds them: requests in every status, claims
	 * released and taken again, an offer withdrawn, a reopen after resolving, public and
	 * private thank-you notes, an anonymous request, an author in no team, several
	 * topics, and resolutions on a later day than the posting.
	 */
	private static final String RAW = """
			insert into teams (id, name) values (1, 'Platform'), (2, 'Mobile');
			insert into people (id, username, display_name, email, password_hash, team_id, active, created_at) values
			  (1, 'alice', 'Alice', 'alice@example.org', 'x', 1, true, '2026-01-01T00:00:00Z'),
			  (2, 'bob', 'Bob', 'bob@example.org', 'x', 1, true, '2026-01-01T00:00:00Z'),
			  (3, 'carol', 'Carol', 'carol@example.org', 'x', 2, true, '2026-01-01T00:00:00Z'),
			  (4, 'dave', 'Dave', 'dave@example.org', 'x', null, true, '2026-01-01T00:00:00Z'),
			  (5, 'maria', 'Maria', 'maria@example.org', 'x', 1, true, '2026-01-01T00:00:00Z'),
			  (6, 'marco', 'Marco', 'marco@example.org', 'x', 2, false, '2026-01-01T00:00:00Z');
			insert into topics (id, name) values (1, 'java'), (2, 'sql'), (3, 'kotlin');
			insert into help_requests (id, title, details, urgency, anonymous, status, author_id, claimed_by_id,
			    created_at, claimed_at, first_response_at, resolved_at, cancelled_at, updated_at) values
			  (1, 'Open', 'd', 'NORMAL', false, 'OPEN', 1, null,
			    '2026-02-02T09:00:00Z', null, null, null, null, '2026-02-02T09:00:00Z'),
			  (2, 'Claimed', 'd', 'NORMAL', false, 'CLAIMED', 2, 5,
			    '2026-02-02T10:00:00Z', '2026-02-02T10:30:00Z', null, null, null, '2026-02-02T10:30:00Z'),
			  (3, 'Answered', 'd', 'HIGH', false, 'ANSWERED', 3, 5,
			    '2026-02-03T09:00:00Z', '2026-02-03T09:10:00Z', '2026-02-03T09:40:00Z', null, null,
			    '2026-02-03T09:40:00Z'),
			  (4, 'Anonymous, resolved', 'd', 'NORMAL', true, 'RESOLVED', 1, 5,
			    '2026-02-03T23:00:00Z', '2026-02-03T23:30:00Z', '2026-02-04T01:00:00Z', '2026-02-05T08:00:00Z', null,
			    '2026-02-05T08:00:00Z'),
			  (5, 'Cancelled', 'd', 'LOW', false, 'CANCELLED', 4, null,
			    '2026-02-04T09:00:00Z', null, null, null, '2026-02-04T11:00:00Z', '2026-02-04T11:00:00Z'),
			  (6, 'Reopened, claimed again', 'd', 'NORMAL', false, 'CLAIMED', 2, 6,
			    '2026-02-05T09:00:00Z', '2026-02-07T09:00:00Z', '2026-02-05T10:00:00Z', null, null,
			    '2026-02-07T09:00:00Z'),
			  (7, 'Released', 'd', 'NORMAL', false, 'OPEN', 3, null,
			    '2026-02-06T09:00:00Z', null, null, null, null, '2026-02-06T12:00:00Z'),
			  (8, 'Offer withdrawn', 'd', 'NORMAL', false, 'OPEN', 4, null,
			    '2026-02-06T10:00:00Z', null, '2026-02-06T11:00:00Z', null, null, '2026-02-06T12:00:00Z'),
			  (9, 'Resolved without offer', 'd', 'NORMAL', false, 'RESOLVED', 5, null,
			    '2026-02-07T09:00:00Z', null, null, '2026-02-09T09:00:00Z', null, '2026-02-09T09:00:00Z');
			insert into request_topics (request_id, topic_id) values
			  (1, 1), (2, 1), (2, 2), (3, 2), (4, 1), (4, 3), (6, 3), (8, 2), (9, 1);
			insert into offers (request_id, helper_id, message, accepted, created_at) values
			  (3, 5, 'm', false, '2026-02-03T09:40:00Z'),
			  (4, 5, 'm', true, '2026-02-04T01:00:00Z'),
			  (6, 5, 'm', true, '2026-02-05T10:00:00Z');
			insert into request_events (request_id, actor_id, from_status, to_status, occurred_at) values
			  (1, 1, null, 'OPEN', '2026-02-02T09:00:00Z'),
			  (2, 2, null, 'OPEN', '2026-02-02T10:00:00Z'),
			  (2, 5, 'OPEN', 'CLAIMED', '2026-02-02T10:30:00Z'),
			  (3, 3, null, 'OPEN', '2026-02-03T09:00:00Z'),
			  (3, 5, 'OPEN', 'CLAIMED', '2026-02-03T09:10:00Z'),
			  (3, 5, 'CLAIMED', 'ANSWERED', '2026-02-03T09:40:00Z'),
			  (4, 1, null, 'OPEN', '2026-02-03T23:00:00Z'),
			  (4, 5, 'OPEN', 'CLAIMED', '2026-02-03T23:30:00Z'),
			  (4, 5, 'CLAIMED', 'ANSWERED', '2026-02-04T01:00:00Z'),
			  (4, 1, 'ANSWERED', 'RESOLVED', '2026-02-05T08:00:00Z'),
			  (5, 4, null, 'OPEN', '2026-02-04T09:00:00Z'),
			  (5, 4, 'OPEN', 'CANCELLED', '2026-02-04T11:00:00Z'),
			  (6, 2, null, 'OPEN', '2026-02-05T09:00:00Z'),
			  (6, 5, 'OPEN', 'CLAIMED', '2026-02-05T09:30:00Z'),
			  (6, 5, 'CLAIMED', 'ANSWERED', '2026-02-05T10:00:00Z'),
			  (6, 2, 'ANSWERED', 'RESOLVED', '2026-02-05T12:00:00Z'),
			  (6, 2, 'RESOLVED', 'OPEN', '2026-02-06T09:00:00Z'),
			  (6, 6, 'OPEN', 'CLAIMED', '2026-02-07T09:00:00Z'),
			  (7, 3, null, 'OPEN', '2026-02-06T09:00:00Z'),
			  (7, 5, 'OPEN', 'CLAIMED', '2026-02-06T10:00:00Z'),
			  (7, 5, 'CLAIMED', 'OPEN', '2026-02-06T12:00:00Z'),
			  (8, 4, null, 'OPEN', '2026-02-06T10:00:00Z'),
			  (8, 5, 'OPEN', 'ANSWERED', '2026-02-06T11:00:00Z'),
			  (8, 5, 'ANSWERED', 'OPEN', '2026-02-06T12:00:00Z'),
			  (9, 5, null, 'OPEN', '2026-02-07T09:00:00Z'),
			  (9, 5, 'OPEN', 'RESOLVED', '2026-02-09T09:00:00Z');
			insert into thank_you_notes (from_id, to_id, request_id, message, is_public, created_at) values
			  (1, 5, 4, 'thanks', true, '2026-02-05T08:10:00Z'),
			  (2, 5, 6, 'thanks', false, '2026-02-05T12:10:00Z'),
			  (2, 6, null, 'thanks', true, '2026-02-08T12:00:00Z');
			""";

	private static final String FACTS = """
			select request_id, created_at, created_epoch, author_id, anonymous, status, resolved_at, resolved_epoch,
			  first_response_s, first_claim_s, resolved_s, closed_s, reopened, thanked, team_id
			from stats_request order by request_id
			""";

	private static final String TOPIC_FACTS = """
			select request_id, topic_id, created_at, author_id, anonymous, status, team_id
			from stats_request_topic order by request_id, topic_id
			""";

	private static final String DAYS = """
			select epoch_day, status, anonymous, sum(posted) as posted, sum(reopened) as reopened,
			  sum(answered) as answered, sum(thanked) as thanked
			from stats_day group by epoch_day, status, anonymous order by epoch_day, status, anonymous
			""";

	private static final String TOPIC_DAYS = """
			select epoch_day, topic_id, status, sum(posted) as posted
			from stats_day_topic group by epoch_day, topic_id, status order by epoch_day, topic_id, status
			""";

	private static final String RESOLVED_DAYS = """
			select epoch_day, sum(resolved) as resolved
			from stats_day_resolved group by epoch_day order by epoch_day
			""";

	private static final Pattern VARIABLE = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)");

	private DataSource dataSource;

	private JdbcTemplate jdbc;

	@BeforeEach
	void freshDatabase() {
		String server = EmbeddedPostgres.jdbcUrl();
		JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(server, "postgres", ""));
		admin.execute("drop database if exists " + DATABASE);
		admin.execute("create database " + DATABASE);
		this.dataSource = new DriverManagerDataSource(server.replace("/postgres?", "/" + DATABASE + "?"), "postgres",
				"");
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@Test
	void theBackfillsTheApplicationAndTheBenchScriptGiveTheSameRows() {
		flyway("7.1").migrate();
		this.jdbc.execute(RAW);
		flyway(null).migrate();
		Map<String, String> backfilled = rows();
		assertThat(this.jdbc.queryForObject("select count(*) from stats_request", Long.class)).isEqualTo(9);

		emptyDerivedTables();
		StatsFacts facts = new StatsFacts(new NamedParameterJdbcTemplate(this.dataSource),
				new DatabaseProduct(this.dataSource));
		for (long id : this.jdbc.queryForList("select id from help_requests order by id", Long.class)) {
			facts.added(id);
		}
		assertThat(rows()).as("the application's facts (request-facts.sql) against the backfills")
			.isEqualTo(backfilled);

		emptyDerivedTables();
		runPsqlScript(Path.of("bench", "derive-stats.sql"), new HashMap<>());
		assertThat(rows()).as("bench/derive-stats.sql against the backfills").isEqualTo(backfilled);
	}

	private Flyway flyway(String target) {
		var configuration = Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration");
		return ((target != null) ? configuration.target(target) : configuration).load();
	}

	private void emptyDerivedTables() {
		this.jdbc.execute(
				"truncate table stats_request, stats_request_topic, stats_day, stats_day_topic, stats_day_resolved");
	}

	/** Each derived table's rows as text, the roll-ups summed over their shards. */
	private Map<String, String> rows() {
		return Map.of("stats_request", table(FACTS), "stats_request_topic", table(TOPIC_FACTS), "stats_day",
				table(DAYS), "stats_day_topic", table(TOPIC_DAYS), "stats_day_resolved", table(RESOLVED_DAYS));
	}

	private String table(String sql) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(sql);
		assertThat(rows).as(sql).isNotEmpty();
		StringBuilder text = new StringBuilder();
		rows.forEach((row) -> text.append(row).append('\n'));
		return text.toString();

	}

	/**
	 * Runs {@code script} as psql would, for the meta-commands the data generators use
	 * (set and unset a variable, include a file relative to the including one), with
	 * {@code :name} replaced by a set variable's value and each statement ending in a
	 * semicolon at the end of a line.
	 */
	private void runPsqlScript(Path script, Map<String, String> variables) {
		List<String> lines;
		try {
			lines = Files.readAllLines(script, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		StringBuilder statement = new StringBuilder();
		for (String line : lines) {
			String[] words = line.strip().split("\\s+", 3);
			if (words[0].equals("\\set")) {
				variables.put(words[1], words[2]);
			}
			else if (words[0].equals("\\unset")) {
				variables.remove(words[1]);
			}
			else if (words[0].equals("\\ir")) {
				runPsqlScript(script.resolveSibling(words[1]).normalize(), variables);
			}
			else if (!line.strip().startsWith("--")) {
				statement.append(substitute(line, variables)).append('\n');
				if (line.strip().endsWith(";")) {
					this.jdbc.execute(statement.toString());
					statement.setLength(0);
				}
			}
		}
		assertThat(statement.toString()).as("unterminated statement in %s", script).isBlank();
	}

	private static String substitute(String line, Map<String, String> variables) {
		Matcher variable = VARIABLE.matcher(line);
		StringBuilder out = new StringBuilder();
		while (variable.find()) {
			String value = variables.get(variable.group(1));
			variable.appendReplacement(out, Matcher.quoteReplacement((value != null) ? value : variable.group()));
		}
		variable.appendTail(out);
		return out.toString();
	}

}
