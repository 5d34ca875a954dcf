package org.handraise.notifications;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.handraise.requests.RequestChanged;
import org.handraise.shared.DatabaseProduct;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance what changed, once the change committed: whose unread count
 * changed ({@link NotificationsAdded}, inside the notifications listener's transaction;
 * {@link NotificationsRead}, inside the marking one) and which request changed
 * ({@link RequestChanged}, inside the changing transaction).
 * <p>
 * On PostgreSQL, with {@code pg_notify} on the channel {@value #CHANNEL} inside the
 * transaction: PostgreSQL delivers a notification only when its transaction commits, to
 * every instance's listening connection ({@link LiveListener}), this one's included. All
 * that a transaction signals is gathered and sent just before its commit in one statement
 * (one notification per 7,900 bytes of payload): a transaction that changes a request or
 * adds notifications pays exactly one statement more. On H2 (the demo: one instance, no
 * LISTEN/NOTIFY) the same is handed to this instance's streams after the commit.
 * <p>
 * A payload is {@code u:} and usernames, or {@code r:} and request ids, one a line.
 */
@Component
class LiveSignals {

	static final String CHANNEL = "handraise_live";

	static final String UNREAD = "u:";

	static final String REQUEST = "r:";

	/** PostgreSQL refuses payloads of 8,000 bytes or more. */
	static final int MAX_PAYLOAD_BYTES = 7900;

	private static final String NOTIFY = "select pg_notify('" + CHANNEL + "', p) from unnest(?) as t(p)";

	private final JdbcTemplate jdbc;

	private final DatabaseProduct database;

	private final LiveUpdates live;

	LiveSignals(JdbcTemplate jdbc, DatabaseProduct database, LiveUpdates live) {
		this.jdbc = jdbc;
		this.database = database;
		this.live = live;
	}

	@EventListener
	void on(NotificationsAdded added) {
		signal(added.notices().stream().map(Notice::recipient).toList(), List.of());
	}

	@EventListener
	void on(NotificationsRead read) {
		signal(List.of(read.recipient()), List.of());
	}

	@EventListener
	void on(RequestChanged changed) {
		signal(List.of(), List.of(changed.requestId()));
	}

	/**
	 * Adds these changes to what the current transaction signals when it commits; outside
	 * a transaction, signals them at once.
	 */
	private void signal(Collection<String> recipients, Collection<Long> requestIds) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			Batch batch = new Batch();
			batch.recipients.addAll(recipients);
			batch.requestIds.addAll(requestIds);
			batch.beforeCommit(false);
			batch.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
			return;
		}
		Batch batch = null;
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Batch found) {
				batch = found;
			}
		}
		if (batch == null) {
			batch = new Batch();
			TransactionSynchronizationManager.registerSynchronization(batch);
		}
		batch.recipients.addAll(recipients);
		batch.requestIds.addAll(requestIds);
	}

	/** The payloads for these changes, each under PostgreSQL's limit. */
	static List<String> payloads(Collection<String> recipients, Collection<Long> requestIds) {
		List<String> payloads = new ArrayList<>();
		chunk(UNREAD, recipients, payloads);
		chunk(REQUEST, requestIds.stream().map(String::valueOf).toList(), payloads);
		return payloads;
	}

	private static void chunk(String prefix, Collection<String> items, List<String> payloads) {
		StringBuilder payload = new StringBuilder(prefix);
		int bytes = prefix.length();
		for (String item : items) {
			int size = item.getBytes(StandardCharsets.UTF_8).length + 1;
			if (payload.length() > prefix.length() && bytes + size > MAX_PAYLOAD_BYTES) {
				payloads.add(payload.toString());
				payload = new StringBuilder(prefix);
				bytes = prefix.length();
			}
			if (payload.length() > prefix.length()) {
				payload.append('\n');
			}
			payload.append(item);
			bytes += size;
		}
		if (payload.length() > prefix.length()) {
			payloads.add(payload.toString());
		}
	}

	/**
	 * What one transaction signals: on PostgreSQL one {@code pg_notify} statement just
	 * before the commit, part of the transaction; on H2 handed to this instance's streams
	 * after the commit.
	 */
	private final class Batch implements TransactionSynchronization {

		private final Set<String> recipients = new LinkedHashSet<>();

		private final Set<Long> requestIds = new LinkedHashSet<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			if (isEmpty() || !LiveSignals.this.database.isPostgres()) {
				return;
			}
			String[] payloads = payloads(this.recipients, this.requestIds).toArray(new String[0]);
			LiveSignals.this.jdbc.execute(NOTIFY, (PreparedStatement statement) -> {
				Array array = statement.getConnection().createArrayOf("text", payloads);
				statement.setArray(1, array);
				statement.execute();
				return null;
			});
		}

		@Override
		public void afterCompletion(int status) {
			if (status != STATUS_COMMITTED || isEmpty() || LiveSignals.this.database.isPostgres()) {
				return;
			}
			LiveSignals.this.live.unreadChanged(this.recipients);
			LiveSignals.this.live.requestsChanged(this.requestIds);
		}

		private boolean isEmpty() {
			return this.recipients.isEmpty() && this.requestIds.isEmpty();
		}

	}

}
