package org.handraise.shared;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database Handraise runs on, asked once: PostgreSQL gets its own SQL where the
 * standard has none (the statistics' upserts, custom plans and exported snapshots; the
 * sessions' attribute upserts), H2 the portable forms.
 */
@Component
public class DatabaseProduct {

	private final JdbcTemplate jdbc;

	private volatile String name;

	public DatabaseProduct(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	public boolean isPostgres() {
		return "PostgreSQL".equalsIgnoreCase(name());
	}

	public boolean isH2() {
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
