package org.handraise.support;

import java.util.ArrayList;
import java.util.List;

import org.handraise.HandraiseApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole Handraise instances as production runs them (the {@code postgres} profile, a
 * random port, no demo data) on one database, for the tests of what several instances
 * share: sessions, locks, the outbox, mail, live updates.
 */
public final class Instances {

	private Instances() {
	}

	/**
	 * Starts an instance on this database.
	 * @param jdbcUrl from {@link EmbeddedPostgres#freshDatabase(String)}
	 * @param sources the application and any test configuration to add to it
	 * @param settings more {@code --name=value} arguments
	 */
	public static ConfigurableApplicationContext start(String jdbcUrl, List<Class<?>> sources, String... settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--handraise.demo-data=false"));
		args.addAll(List.of(settings));
		List<Class<?>> all = new ArrayList<>(List.of(HandraiseApplication.class));
		all.addAll(sources);
		return new SpringApplicationBuilder(all.toArray(new Class<?>[0])).profiles("postgres")
			.run(args.toArray(new String[0]));
	}

	/** Starts an instance of the application alone on this database. */
	public static ConfigurableApplicationContext start(String jdbcUrl, String... settings) {
		return start(jdbcUrl, List.of(), settings);
	}

	/** The instance's address, {@code http://localhost:port}. */
	public static String base(ConfigurableApplicationContext instance) {
		return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
	}

}
