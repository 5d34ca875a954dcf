package org.handraise.notifications;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link NotificationStoreIT}'s check on H2 in PostgreSQL mode (the demo), where the
 * insert's {@code on conflict do nothing} and its generated keys must work as well.
 */
@SpringBootTest
@TestPropertySource(properties = { "handraise.demo-data=false",
		"spring.datasource.url=jdbc:h2:mem:store-${random.uuid};MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
class NotificationStoreH2IT {

	@Autowired
	private NotificationStore store;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void writesEachNoticeOnceWithTheIdOfItsRow() {
		for (String username : List.of("alice", "maria")) {
			this.jdbc.update("""
					insert into people (username, display_name, email, password_hash, active,
					    must_change_password, created_at, version)
					values (?, ?, ?, 'x', true, false, current_timestamp, 0)""", username, username,
					username + "@handraise.example");
		}
		NotificationStoreIT.check(this.store, this.jdbc);
	}

}
