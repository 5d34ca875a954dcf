package org.handraise.security;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in the database (Spring Session JDBC): on PostgreSQL, a session attribute is written with an upsert
 * ({@code insert … on conflict do update}, Spring Session's own PostgreSQL statements). With plain inserts, two
 * requests of the same session that set the same new attribute at once, such as several tabs opened right after
 * signing in (each makes the session's new CSRF token), failed on the attributes' primary key: a 500.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresSessionUpserts(DataSource dataSource) {
		return (repository) -> {
			if (isPostgres(dataSource)) {
				new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
			}
		};
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database holds the sessions", ex);
		}
	}

}
