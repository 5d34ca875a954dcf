package org.handraise.notifications;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes notifications. A cause's notices share one {@code source}, and a recipient has
 * at most one row per source (the unique key on both): a row already there is skipped by
 * the insert itself ({@code on conflict do nothing}), so an event delivered a second time
 * (after a crash, or a resubmission, even while the first delivery is still running on
 * another instance) adds nothing. One batch for any number of recipients, which hands
 * back the ids of the rows it wrote.
 */
@Repository
class NotificationStore {

	private static final String INSERT = """
			insert into notifications (recipient, kind, category, request_id, request_title, actor_name, variant,
			    detail, source, created_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict do nothing""";

	private static final String[] RETURNED = { "id", "source", "recipient" };

	private final JdbcTemplate jdbc;

	NotificationStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the notices not written before; returns those it wrote, with their ids. */
	List<NotificationsAdded.Written> add(List<Notice> notices) {
		if (notices.isEmpty()) {
			return List.of();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.batchUpdate((connection) -> connection.prepareStatement(INSERT, RETURNED),
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement statement, int i) throws SQLException {
						Notice n = notices.get(i);
						statement.setString(1, n.recipient());
						statement.setString(2, n.kind().name());
						statement.setString(3, n.category().name());
						if (n.requestId() != null) {
							statement.setLong(4, n.requestId());
						}
						else {
							statement.setNull(4, Types.BIGINT);
						}
						statement.setString(5, n.requestTitle());
						statement.setString(6, n.actorName());
						statement.setString(7, n.variant());
						statement.setString(8, n.detail());
						statement.setString(9, n.source());
						statement.setTimestamp(10, Timestamp.from(n.at()));
					}

					@Override
					public int getBatchSize() {
						return notices.size();
					}

				}, keys);
		Map<String, Long> ids = new HashMap<>();
		for (Map<String, Object> row : keys.getKeyList()) {
			ids.put(key((String) row.get("source"), (String) row.get("recipient")),
					((Number) row.get("id")).longValue());
		}
		List<NotificationsAdded.Written> written = new ArrayList<>();
		for (Notice notice : notices) {
			Long id = ids.remove(key(notice.source(), notice.recipient()));
			if (id != null) {
				written.add(new NotificationsAdded.Written(id, notice));
			}
		}
		return written;
	}

	private static String key(String source, String recipient) {
		return source + '\n' + recipient;
	}

}
