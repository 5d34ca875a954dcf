package org.handraise;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.handraise.requests.RequestCommands;
import org.handraise.requests.RequestQueries;
import org.handraise.requests.RequestDraft;
import org.handraise.requests.RequestStatus;
import org.handraise.requests.RequestView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps its data: the whole application, started twice on the same
 * H2 file, finds what the first run saved, and loads the demo data only once.
 */
class RestartOnH2FileIT {

	private static final List<String> TABLES = List.of("people", "teams", "topics", "help_requests", "offers",
			"request_events", "thank_you_notes");

	@TempDir
	Path folder;

	@Test
	void aRestartOnTheSameFileFindsTheDataAndDoesNotLoadTheDemoDataTwice() {
		String title = "Does my request survive a restart of the application?";
		long id;
		String author;
		Map<String, Long> countsAfterFirstRun;

		try (ConfigurableApplicationContext first = start()) {
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			Map<String, Long> demo = counts(jdbc);
			assertThat(demo.get("people")).as("demo people loaded on the first start").isPositive();
			assertThat(demo.get("help_requests")).as("demo requests loaded on the first start").isPositive();

			author = jdbc.queryForObject("select username from people where active = true order by id limit 1",
					String.class);
			RequestView posted = first.getBean(RequestCommands.class)
				.post(author, new RequestDraft(title, "Posted by the restart test, before closing the application.",
						null, List.of("h2"), "LOW", false));
			id = posted.id();

			countsAfterFirstRun = counts(jdbc);
			assertThat(countsAfterFirstRun.get("people")).isEqualTo(demo.get("people"));
			assertThat(countsAfterFirstRun.get("help_requests")).isEqualTo(demo.get("help_requests") + 1);
		}

		try (ConfigurableApplicationContext second = start()) {
			RequestView found = second.getBean(RequestQueries.class).view(author, id);
			assertThat(found.title()).isEqualTo(title);
			assertThat(found.status()).isEqualTo(RequestStatus.OPEN);
			assertThat(found.topics()).containsExactly("h2");
			assertThat(found.history()).hasSize(1);
			assertThat(counts(second.getBean(JdbcTemplate.class))).as("nothing loaded twice, nothing lost")
				.isEqualTo(countsAfterFirstRun);
		}
	}

	private ConfigurableApplicationContext start() {
		String url = "jdbc:h2:file:" + this.folder.resolve("handraise").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		// Command-line arguments, so they win over application.properties (default
		// properties would not).
		return new SpringApplicationBuilder(HandraiseApplication.class).run("--spring.datasource.url=" + url,
				"--server.port=0", "--handraise.demo-data=true", "--spring.main.banner-mode=off");
	}

	private static Map<String, Long> counts(JdbcTemplate jdbc) {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

}
