package org.handraise.notifications;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes notifications. A cause's notices share one {@code source}: the recipients who
 * have its row already are skipped, so an event delivered a second time (after a crash,
 * or a resubmission) adds nothing. Two statements for any number of recipients: one read,
 * one batch.
 */
@Repository
class NotificationStore {

	private static final String EXISTING = "select recipient from notifications where source = ?";

	private static final String INSERT = """
			insert into notifications (recipient, kind, category, request_id, request_title, actor_name, variant,
			    detail, source, created_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	NotificationStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the notices not written before; returns those it wrote. */
	List<Notice> add(List<Notice> notices) {
		if (notices.isEmpty()) {
			return List.of();
		}
		Set<String> sources = new HashSet<>();
		Set<String> existing = new HashSet<>();
		for (Notice notice : notices) {
			if (sources.add(notice.source())) {
				this.jdbc.queryForList(EXISTING, String.class, notice.source())
					.forEach((recipient) -> existing.add(key(notice.source(), recipient)));
			}
		}
		List<Notice> fresh = notices.stream()
			.filter((n) -> !existing.contains(key(n.source(), n.recipient())))
			.toList();
		if (fresh.isEmpty()) {
			return fresh;
		}
		this.jdbc.batchUpdate(INSERT, fresh.stream()
			.map((n) -> new Object[] { n.recipient(), n.kind().name(), n.category().name(), n.requestId(),
					n.requestTitle(), n.actorName(), n.variant(), n.detail(), n.source(), Timestamp.from(n.at()) })
			.toList());
		return fresh;
	}

	private static String key(String source, String recipient) {
		return source + '\n' + recipient;
	}

}
