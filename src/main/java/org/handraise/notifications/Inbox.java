package org.handraise.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.handraise.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Someone's inbox: their notifications newest first, the unread count, and marking them
 * read. Every method takes the signed-in person's username and touches only their
 * notifications; someone else's is not found. Marking something read tells the person's
 * other pages their new count ({@link NotificationsRead}).
 */
@Service
@Transactional(readOnly = true)
public class Inbox {

	/** The largest page the inbox serves. */
	public static final int MAX_PAGE_SIZE = 100;

	private static final String PAGE = """
			select id, kind, request_id, request_title, actor_name, variant, detail, created_at, read_at
			from notifications
			where recipient = :recipient and (:all or read_at is null)
			order by created_at desc, id desc
			offset :offset rows fetch next :size rows only""";

	private static final String COUNT = """
			select count(*) from notifications where recipient = :recipient and (:all or read_at is null)""";

	private static final String UNREAD = "select count(*) from notifications where recipient = ? and read_at is null";

	private final JdbcClient jdbc;

	private final NotificationTexts texts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Inbox(JdbcClient jdbc, NotificationTexts texts, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.texts = texts;
		this.clock = clock;
		this.events = events;
	}

	/** How many notifications {@code username} has not read: one indexed count. */
	public long unreadCount(String username) {
		return this.jdbc.sql(UNREAD).param(username).query(Long.class).single();
	}

	public InboxPage page(String username, boolean unreadOnly, int page, int size, Locale locale) {
		int safePage = Math.max(page, 0);
		int safeSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
		List<NotificationView> content = this.jdbc.sql(PAGE)
			.param("recipient", username)
			.param("all", !unreadOnly)
			.param("offset", (long) safePage * safeSize)
			.param("size", safeSize)
			.query((rs, row) -> {
				NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
				long requestId = rs.getLong("request_id");
				return new NotificationView(rs.getLong("id"), kind, rs.wasNull() ? null : requestId,
						this.texts.text(kind, rs.getString("variant"), rs.getString("actor_name"),
								rs.getString("request_title"), locale),
						rs.getString("detail"), rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("read_at") != null);
			})
			.list();
		long total = (safePage == 0 && content.size() < safeSize) ? content.size()
				: this.jdbc.sql(COUNT)
					.param("recipient", username)
					.param("all", !unreadOnly)
					.query(Long.class)
					.single();
		long unread = unreadOnly ? total : unreadCount(username);
		int pages = (int) ((total + safeSize - 1) / safeSize);
		return new InboxPage(content, safePage, safeSize, total, pages, unread);
	}

	/**
	 * Marks one notification read (again: nothing changes); someone else's, or none, is
	 * not found.
	 * @return the request it is about, or null
	 */
	@Transactional
	public Long markRead(String username, long id) {
		List<Long> found = this.jdbc
			.sql("select coalesce(request_id, 0) from notifications where id = ? and recipient = ?")
			.params(id, username)
			.query(Long.class)
			.list();
		if (found.isEmpty()) {
			throw new NotFoundException(NotificationMessages.NOT_FOUND.with(id));
		}
		int marked = this.jdbc
			.sql("update notifications set read_at = ? where id = ? and recipient = ? and read_at is null")
			.params(Timestamp.from(this.clock.instant()), id, username)
			.update();
		if (marked > 0) {
			this.events.publishEvent(new NotificationsRead(username));
		}
		return (found.get(0) != 0) ? found.get(0) : null;
	}

	/**
	 * Marks all of {@code username}'s notifications read; returns how many were unread.
	 */
	@Transactional
	public int markAllRead(String username) {
		int marked = this.jdbc.sql("update notifications set read_at = ? where recipient = ? and read_at is null")
			.params(Timestamp.from(this.clock.instant()), username)
			.update();
		if (marked > 0) {
			this.events.publishEvent(new NotificationsRead(username));
		}
		return marked;
	}

}
