package org.handraise.notifications.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.handraise.notifications.Delivery;
import org.handraise.notifications.NotificationCategory;
import org.handraise.notifications.NotificationKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The mail outbox ({@code mail_deliveries}) and the notifications waiting for a digest
 * ({@code mail_digest_items}). Every method issues a fixed number of statements whatever
 * the number of rows.
 */
@Repository
class MailDeliveries {

	static final String SINGLE = "SINGLE";

	static final String DIGEST = "DIGEST";

	static final String PENDING = "PENDING";

	static final String SENT = "SENT";

	static final String FAILED = "FAILED";

	private static final String INSERT = """
			insert into mail_deliveries (recipient, email, kind, notification_id, status, attempts, next_attempt_at,
			    message_id, created_at)
			values (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""";

	private static final String DUE = """
			select id, recipient, email, kind, notification_id, attempts, message_id from mail_deliveries
			where status = 'PENDING' and next_attempt_at <= ?
			order by next_attempt_at, id
			limit ?""";

	private static final String SINGLE_ITEMS = """
			select 0, n.id, n.kind, n.category, n.request_id, n.request_title, n.actor_name, n.variant, n.detail,
			    n.created_at
			from notifications n where n.id in (:ids)""";

	private static final String DIGEST_ITEMS = """
			select i.delivery_id, n.id, n.kind, n.category, n.request_id, n.request_title, n.actor_name, n.variant,
			    n.detail, n.created_at
			from mail_digest_items i join notifications n on n.id = i.notification_id
			where i.delivery_id in (:ids)
			order by n.request_id, n.id""";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final MailLinks links;

	MailDeliveries(JdbcTemplate jdbc, MailLinks links) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.links = links;
	}

	/** Pending single mails, due at once. */
	void addSingles(List<Single> singles, Instant now) {
		if (singles.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(INSERT,
				singles.stream()
					.map((s) -> new Object[] { s.recipient(), s.email(), SINGLE, s.notificationId(),
							Timestamp.from(now), newMessageId(), Timestamp.from(now) })
					.toList());
	}

	/** Notifications that wait for their recipient's digest. */
	void addDigestItems(List<Waiting> items) {
		if (items.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("insert into mail_digest_items (notification_id, recipient, cadence) values (?, ?, ?)",
				items.stream()
					.map((w) -> new Object[] { w.notificationId(), w.recipient(), w.cadence().name() })
					.toList());
	}

	/** What waits for a digest of this cadence, with each notification's category. */
	List<Waiting> waiting(Delivery cadence) {
		return this.jdbc.query("""
				select i.notification_id, i.recipient, n.category from mail_digest_items i
				join notifications n on n.id = i.notification_id
				where i.cadence = ? and i.delivery_id is null""", (rs, row) -> new Waiting(rs.getLong(1),
				rs.getString(2), cadence, NotificationCategory.valueOf(rs.getString(3))), cadence.name());
	}

	/**
	 * Drops waiting items that will never be sent (their person turned the category off).
	 */
	void dropWaiting(Collection<Long> notificationIds) {
		if (!notificationIds.isEmpty()) {
			this.named.update("delete from mail_digest_items where notification_id in (:ids) and delivery_id is null",
					Map.of("ids", Set.copyOf(notificationIds)));
		}
	}

	/**
	 * A pending digest mail for each recipient, covering their waiting items: one batch
	 * of inserts, one read of the new ids, one batch of updates.
	 */
	int addDigests(Map<String, String> emails, Map<String, List<Long>> itemsByRecipient, Instant now) {
		if (itemsByRecipient.isEmpty()) {
			return 0;
		}
		Map<String, String> messageIds = new HashMap<>();
		List<Object[]> rows = new ArrayList<>();
		itemsByRecipient.keySet().forEach((recipient) -> {
			String messageId = newMessageId();
			messageIds.put(messageId, recipient);
			rows.add(new Object[] { recipient, emails.get(recipient), DIGEST, null, Timestamp.from(now), messageId,
					Timestamp.from(now) });
		});
		this.jdbc.batchUpdate(INSERT, rows);
		List<Object[]> links = new ArrayList<>();
		this.named.query("select id, message_id from mail_deliveries where message_id in (:ids)",
				Map.of("ids", messageIds.keySet()), (ResultSet rs) -> {
					long delivery = rs.getLong(1);
					itemsByRecipient.get(messageIds.get(rs.getString(2)))
						.forEach((item) -> links.add(new Object[] { delivery, item }));
				});
		this.jdbc.batchUpdate(
				"update mail_digest_items set delivery_id = ? where notification_id = ? and delivery_id is null",
				links);
		return rows.size();
	}

	/** Up to {@code limit} pending mails whose time has come, oldest first. */
	List<DueMail> due(Instant now, int limit) {
		return this.jdbc
			.query(DUE,
					(rs, row) -> new DueMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							(Long) rs.getObject(5, Long.class), rs.getInt(6), rs.getString(7)),
					Timestamp.from(now), limit);
	}

	/** What each of these mails tells, by mail id, in the order of request then time. */
	Map<Long, List<MailItem>> items(List<DueMail> mails) {
		Map<Long, List<MailItem>> items = new HashMap<>();
		Map<Long, Long> singleByNotification = new HashMap<>();
		List<Long> digests = new ArrayList<>();
		for (DueMail mail : mails) {
			items.put(mail.id(), new ArrayList<>());
			if (mail.notificationId() != null) {
				singleByNotification.put(mail.notificationId(), mail.id());
			}
			else {
				digests.add(mail.id());
			}
		}
		if (!singleByNotification.isEmpty()) {
			this.named.query(SINGLE_ITEMS, Map.of("ids", singleByNotification.keySet()), (ResultSet rs) -> {
				MailItem item = item(rs);
				items.get(singleByNotification.get(item.notificationId())).add(item);
			});
		}
		if (!digests.isEmpty()) {
			this.named.query(DIGEST_ITEMS, Map.of("ids", digests), (ResultSet rs) -> {
				items.get(rs.getLong(1)).add(item(rs));
			});
		}
		return items;
	}

	private static MailItem item(ResultSet rs) throws SQLException {
		int c = 2;
		return new MailItem(rs.getLong(c), NotificationKind.valueOf(rs.getString(c + 1)),
				NotificationCategory.valueOf(rs.getString(c + 2)), (Long) rs.getObject(c + 3, Long.class),
				rs.getString(c + 4), rs.getString(c + 5), rs.getString(c + 6), rs.getString(c + 7),
				rs.getTimestamp(c + 8).toInstant());
	}

	void markSent(Collection<DueMail> sent, Instant now) {
		if (!sent.isEmpty()) {
			this.jdbc.batchUpdate("""
					update mail_deliveries set status = 'SENT', attempts = attempts + 1, sent_at = ?
					where id = ? and status = 'PENDING'""",
					sent.stream().map((m) -> new Object[] { Timestamp.from(now), m.id() }).toList());
		}
	}

	/**
	 * Records failed attempts: each waits its backoff, or is given up after the last one.
	 */
	void markFailed(Map<DueMail, String> failed, MailProperties settings, Instant now) {
		if (failed.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		failed.forEach((mail, error) -> {
			int attempts = mail.attempts() + 1;
			String status = (attempts >= settings.maxAttempts()) ? FAILED : PENDING;
			String message = (error.length() > 500) ? error.substring(0, 500) : error;
			rows.add(new Object[] { attempts, status, Timestamp.from(now.plus(settings.backoffAfter(attempts))),
					message, mail.id() });
		});
		this.jdbc.batchUpdate("""
				update mail_deliveries set attempts = ?, status = ?, next_attempt_at = ?, last_error = ?
				where id = ? and status = 'PENDING'""", rows);
	}

	private String newMessageId() {
		return "<" + UUID.randomUUID() + "@" + this.links.host() + ">";
	}

	/** A notification to mail on its own. */
	record Single(String recipient, String email, long notificationId) {
	}

	/** A notification waiting for a digest. */
	record Waiting(long notificationId, String recipient, Delivery cadence, NotificationCategory category) {
	}

	/** A mail to send now. {@code notificationId} is null for a digest. */
	record DueMail(long id, String recipient, String email, String kind, Long notificationId, int attempts,
			String messageId) {
	}

	/** A notification as a mail tells it. */
	record MailItem(long notificationId, NotificationKind kind, NotificationCategory category, Long requestId,
			String requestTitle, String actorName, String variant, String detail, Instant createdAt) {
	}

}
