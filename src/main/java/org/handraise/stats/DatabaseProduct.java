package org.handraise.stats;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the statistics run on, asked once: PostgreSQL gets its own SQL where the standard has none
 * (upserts, custom plans, exported snapshots), H2 the portable forms.
 */
@Component
class DatabaseProduct {

	private final JdbcTemplate jdbc;

	private volatile String name;

	DatabaseProduct(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	boolean isPostgres() {
		return "PostgreSQL".equalsIgnoreCase(name());
	}

	boolean isH2() {
		return "H2".equalsIgnoreCase(name());
	}

	private String name() {
		String name = this.name;
		if (name == null) {
			name = this.jdbc.execute((ConnectionCallback<String>) (c) -> c.getMetaData().getDatabaseProductName());
			this.name = name;
		}
		return name;
	}

}
