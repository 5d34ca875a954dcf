package org.handraise.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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

	/**
	 * A new, empty database of this name on the embedded server (dropped first if an
	 * earlier run left it), for tests that start whole instances on a database of their
	 * own.
	 * @return its JDBC URL (user {@code postgres}, no password)
	 */
	public static String freshDatabase(String name) {
		String server = jdbcUrl();
		try (Connection connection = DriverManager.getConnection(server, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + name, ex);
		}
		return server.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
	}

}
