package org.handraise.security;

import org.handraise.shared.DatabaseProduct;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in the database (Spring Session JDBC): on PostgreSQL, a session attribute is
 * written with an upsert ({@code insert … on conflict do update}, Spring Session's own
 * PostgreSQL statements). With plain inserts, two requests of the same session that set
 * the same new attribute at once, such as several tabs opened right after signing in
 * (each makes the session's new CSRF token), failed on the attributes' primary key: a
 * 500.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresSessionUpserts(DatabaseProduct database) {
		return (repository) -> {
			if (database.isPostgres()) {
				new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
			}
		};
	}

}
