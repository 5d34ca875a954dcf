package org.handraise.notifications;

import java.time.Instant;
import java.util.List;

import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.MARIA;

/**
 * The store's insert on PostgreSQL ({@link NotificationStoreH2IT}: the same on H2 in
 * PostgreSQL mode, the demo): a notice written again adds no row and is not handed back,
 * a batch that mixes old and new hands back only the new ones, and each comes back with
 * the id of its own row.
 */
class NotificationStoreIT extends PostgresIntegrationTest {

	@Autowired
	private NotificationStore store;

	@Test
	void writesEachNoticeOnceWithTheIdOfItsRow() {
		seed(ALICE, MARIA);
		check(this.store, this.jdbc);
	}

	static void check(NotificationStore store, JdbcTemplate jdbc) {
		Notice alice = notice("alice", "claimed:1");
		Notice maria = notice("maria", "claimed:1");
		Notice later = notice("alice", "claimed:2");

		List<NotificationsAdded.Written> first = store.add(List.of(alice, maria));
		assertThat(first).extracting(NotificationsAdded.Written::notice).containsExactly(alice, maria);
		first.forEach((written) -> assertThat(recipientOf(jdbc, written.id())).as("the id of its own row")
			.isEqualTo(written.notice().recipient()));

		assertThat(store.add(List.of(alice, maria))).as("written again: nothing new").isEmpty();

		List<NotificationsAdded.Written> mixed = store.add(List.of(maria, later, alice));
		assertThat(mixed).extracting(NotificationsAdded.Written::notice).containsExactly(later);
		assertThat(recipientOf(jdbc, mixed.get(0).id())).isEqualTo("alice");
		assertThat(
				jdbc.queryForObject("select source from notifications where id = ?", String.class, mixed.get(0).id()))
			.isEqualTo("claimed:2");
		assertThat(jdbc.queryForObject("select count(*) from notifications", Integer.class)).isEqualTo(3);
	}

	private static String recipientOf(JdbcTemplate jdbc, long id) {
		return jdbc.queryForObject("select recipient from notifications where id = ?", String.class, id);
	}

	private static Notice notice(String recipient, String source) {
		return new Notice(recipient, recipient + "@handraise.example", NotificationKind.REQUEST_CLAIMED,
				NotificationCategory.MY_REQUESTS, null, "A title", "Someone", null, null, source,
				Instant.parse("2026-12-01T10:00:00Z"));
	}

}
