package org.handraise.support;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL for the whole test run, started on first use (no Docker: the
 * binaries come from Maven Central) and stopped when the JVM exits.
 */
public final class EmbeddedPostgres {

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private EmbeddedPostgres() {
	}

	public static synchronized String jdbcUrl() {
		if (server == null) {
			try {
				server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
					.setServerConfig("max_connections", "300")
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.setServerConfig("full_page_writes", "off")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// the JVM is going away anyway
				}
			}));
		}
		return server.getJdbcUrl("postgres", "postgres");
	}

}
