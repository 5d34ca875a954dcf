package org.handraise.notifications;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.handraise.requests.RequestChanged;
import org.handraise.shared.DatabaseProduct;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
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
 * What a transaction signals is gathered while it runs and handed over when it commits; a
 * transaction that rolls back signals nothing. On PostgreSQL, the instance gathers what
 * its committed transactions signal for {@code handraise.live.gather-for} (100 ms) and
 * sends it all in one statement outside any of them, {@code pg_notify} on the channel
 * {@value #CHANNEL} (one notification per 7,900 bytes of payload), to every instance's
 * listening connection ({@link LiveListener}), this one's included. So a writing
 * transaction pays nothing for its live updates: no statement, and none of the lock
 * PostgreSQL takes for a transaction that notifies, which would line up every committing
 * writer behind the others. A signal is a hint to look again, not data: one lost when an
 * instance stops between a commit and the send (or the database refuses the send) costs
 * an update that the next change, a reload or a reconnecting stream brings. On H2 (the
 * demo: one instance, no LISTEN/NOTIFY) the same is handed to this instance's streams
 * when the transaction commits.
 * <p>
 * A payload is {@code u:} and the sending instance's origin (a random id per start) and
 * usernames, or {@code r:} and request ids, one a line. The origin lets an instance tell
 * its own unread signals, whose kept counts it dropped at the commit already
 * ({@link UnreadCounts}), from other instances'.
 */
@Component
class LiveSignals {

	private static final Logger logger = LoggerFactory.getLogger(LiveSignals.class);

	static final String CHANNEL = "handraise_live";

	static final String UNREAD = "u:";

	static final String REQUEST = "r:";

	/** PostgreSQL refuses payloads of 8,000 bytes or more. */
	static final int MAX_PAYLOAD_BYTES = 7900;

	private static final String NOTIFY = "select pg_notify('" + CHANNEL + "', p) from unnest(?) as t(p)";

	private final JdbcTemplate jdbc;

	private final DatabaseProduct database;

	private final LiveUpdates live;

	private final UnreadCounts unreadCounts;

	private final Duration gatherFor;

	private final ScheduledExecutorService sender;

	private final String origin = HexFormat.of().toHexDigits(new SecureRandom().nextLong());

	/** What committed and waits to be sent; guarded by itself. */
	private final Gathered gathered = new Gathered();

	LiveSignals(JdbcTemplate jdbc, DatabaseProduct database, LiveUpdates live, UnreadCounts unreadCounts,
			LiveSettings settings) {
		this.jdbc = jdbc;
		this.database = database;
		this.live = live;
		this.unreadCounts = unreadCounts;
		if (!database.isPostgres()) {
			// one instance: every change is signalled here
			unreadCounts.hearing(true);
		}
		this.gatherFor = settings.gatherFor();
		this.sender = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "live-signals");
			thread.setDaemon(true);
			return thread;
		});
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
			committed(recipients, requestIds);
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

	/**
	 * Changes that committed: this instance's kept unread counts dropped at once; on H2
	 * handed to this instance's streams at once; on PostgreSQL gathered, the send
	 * scheduled by the first of them.
	 */
	private void committed(Collection<String> recipients, Collection<Long> requestIds) {
		if (recipients.isEmpty() && requestIds.isEmpty()) {
			return;
		}
		this.unreadCounts.changed(recipients);
		if (!this.database.isPostgres()) {
			this.live.unreadChanged(recipients);
			this.live.requestsChanged(requestIds);
			return;
		}
		boolean first;
		synchronized (this.gathered) {
			first = this.gathered.isEmpty();
			this.gathered.recipients.addAll(recipients);
			this.gathered.requestIds.addAll(requestIds);
		}
		if (first) {
			try {
				this.sender.schedule(this::send, this.gatherFor.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException stopping) {
				send();
			}
		}
	}

	/**
	 * Sends what was gathered, in one statement; returns how many notifications it sent.
	 */
	int send() {
		String[] payloads;
		synchronized (this.gathered) {
			if (this.gathered.isEmpty()) {
				return 0;
			}
			payloads = payloads(this.origin, this.gathered.recipients, this.gathered.requestIds).toArray(new String[0]);
			this.gathered.recipients.clear();
			this.gathered.requestIds.clear();
		}
		try {
			this.jdbc.execute(NOTIFY, (PreparedStatement statement) -> {
				Array array = statement.getConnection().createArrayOf("text", payloads);
				statement.setArray(1, array);
				statement.execute();
				return null;
			});
			return payloads.length;
		}
		catch (DataAccessException ex) {
			logger.warn("Live updates not sent (" + payloads.length + " notifications): " + ex.getMessage());
			return 0;
		}
	}

	/** Sends what is still gathered before the application stops. */
	@PreDestroy
	void stop() {
		this.sender.shutdown();
		send();
	}

	/** This instance's origin in the payloads it sends. */
	String origin() {
		return this.origin;
	}

	/**
	 * The payloads for these changes from instance {@code origin}, each under
	 * PostgreSQL's limit.
	 */
	static List<String> payloads(String origin, Collection<String> recipients, Collection<Long> requestIds) {
		List<String> payloads = new ArrayList<>();
		chunk(UNREAD + origin + "\n", recipients, payloads);
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

	/** What one transaction signals, handed over when it commits. */
	private final class Batch implements TransactionSynchronization {

		private final Set<String> recipients = new LinkedHashSet<>();

		private final Set<Long> requestIds = new LinkedHashSet<>();

		@Override
		public void afterCommit() {
			committed(this.recipients, this.requestIds);
		}

	}

	/** What committed transactions signalled and waits to be sent. */
	private static final class Gathered {

		private final Set<String> recipients = new LinkedHashSet<>();

		private final Set<Long> requestIds = new LinkedHashSet<>();

		boolean isEmpty() {
			return this.recipients.isEmpty() && this.requestIds.isEmpty();
		}

	}

}
