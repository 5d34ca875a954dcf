package org.handraise.notifications;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.handraise.shared.DatabaseProduct;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's ear for {@link LiveSignals} on PostgreSQL: one connection of its own
 * (opened with the datasource's settings, outside the pool, so that it never holds a
 * pooled connection) that runs {@code LISTEN} and a daemon thread that waits on it and
 * hands what arrives to {@link LiveUpdates}. When the connection dies it is opened again,
 * after half a second and then twice as long each time up to
 * {@code handraise.live.reconnect-max-backoff}, and every stream here is told to look
 * again, since changes may have been missed meanwhile. An idle connection is checked with
 * a query every {@code handraise.live.check-after}. Stops with the application. On H2 it
 * does nothing.
 */
@Component
class LiveListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LiveListener.class);

	private static final int POLL_MILLIS = 1000;

	private static final long FIRST_BACKOFF_MILLIS = 500;

	private final DataSourceProperties dataSource;

	private final DatabaseProduct database;

	private final LiveUpdates live;

	private final UnreadCounts unreadCounts;

	private final LiveSignals signals;

	private final LiveSettings settings;

	private final AtomicInteger connections = new AtomicInteger();

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Connection connection;

	LiveListener(DataSourceProperties dataSource, DatabaseProduct database, LiveUpdates live, UnreadCounts unreadCounts,
			LiveSignals signals, LiveSettings settings) {
		this.dataSource = dataSource;
		this.database = database;
		this.live = live;
		this.unreadCounts = unreadCounts;
		this.signals = signals;
		this.settings = settings;
	}

	@Override
	public void start() {
		if (this.running || !this.database.isPostgres()) {
			return;
		}
		this.running = true;
		Thread listening = new Thread(this::listen, "live-updates-listener");
		listening.setDaemon(true);
		this.thread = listening;
		listening.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listening = this.thread;
		closeQuietly(this.connection);
		if (listening != null) {
			listening.interrupt();
			try {
				listening.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * How many times the listening connection was opened (1 after the start, one more for
	 * each reconnection).
	 */
	int connectionsOpened() {
		return this.connections.get();
	}

	/** The listening connection's backend process id, or 0 when it has none. */
	int backendPid() {
		Connection current = this.connection;
		try {
			return (current != null) ? current.unwrap(PGConnection.class).getBackendPID() : 0;
		}
		catch (SQLException ex) {
			return 0;
		}
	}

	private void listen() {
		long backoff = FIRST_BACKOFF_MILLIS;
		while (this.running) {
			try (Connection opened = open()) {
				this.connection = opened;
				this.unreadCounts.hearing(true);
				boolean again = this.connections.incrementAndGet() > 1;
				backoff = FIRST_BACKOFF_MILLIS;
				if (again) {
					logger.info("Live updates listen again on PostgreSQL");
					this.live.refreshAll();
				}
				receive(opened);
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					break;
				}
				logger.warn("Live updates lost their PostgreSQL connection; listening again in {} ms: {}", backoff,
						ex.getMessage());
			}
			finally {
				this.connection = null;
				this.unreadCounts.hearing(false);
			}
			if (!sleep(backoff)) {
				break;
			}
			backoff = Math.min(backoff * 2, this.settings.reconnectMaxBackoff().toMillis());
		}
	}

	private Connection open() throws SQLException {
		Properties properties = new Properties();
		String username = this.dataSource.determineUsername();
		String password = this.dataSource.determinePassword();
		if (username != null) {
			properties.setProperty("user", username);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("ApplicationName", "handraise live updates");
		properties.setProperty("tcpKeepAlive", "true");
		Connection opened = DriverManager.getConnection(this.dataSource.determineUrl(), properties);
		opened.setAutoCommit(true);
		try (Statement statement = opened.createStatement()) {
			statement.execute("listen " + LiveSignals.CHANNEL);
		}
		return opened;
	}

	private void receive(Connection opened) throws SQLException {
		PGConnection postgres = opened.unwrap(PGConnection.class);
		long idleSince = System.nanoTime();
		while (this.running) {
			PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
			if (notifications != null && notifications.length > 0) {
				handle(notifications);
				idleSince = System.nanoTime();
			}
			else if (System.nanoTime() - idleSince > this.settings.checkAfter().toNanos()) {
				try (Statement statement = opened.createStatement()) {
					statement.execute("select 1");
				}
				idleSince = System.nanoTime();
			}
		}
	}

	private void handle(PGNotification[] notifications) {
		List<String> recipients = new ArrayList<>();
		List<String> othersRecipients = new ArrayList<>();
		List<Long> requestIds = new ArrayList<>();
		for (PGNotification notification : notifications) {
			String payload = notification.getParameter();
			if (payload == null) {
				continue;
			}
			if (payload.startsWith(LiveSignals.UNREAD)) {
				List<String> lines = lines(payload.substring(LiveSignals.UNREAD.length()));
				if (lines.size() > 1) {
					List<String> people = lines.subList(1, lines.size());
					recipients.addAll(people);
					if (!lines.get(0).equals(this.signals.origin())) {
						othersRecipients.addAll(people);
					}
				}
			}
			else if (payload.startsWith(LiveSignals.REQUEST)) {
				for (String id : lines(payload.substring(LiveSignals.REQUEST.length()))) {
					try {
						requestIds.add(Long.valueOf(id));
					}
					catch (NumberFormatException ex) {
						// not ours
					}
				}
			}
		}
		// this instance dropped the kept counts of its own signals when they committed
		this.unreadCounts.changed(othersRecipients);
		if (!recipients.isEmpty()) {
			this.live.unreadChanged(recipients);
		}
		if (!requestIds.isEmpty()) {
			this.live.requestsChanged(requestIds);
		}
	}

	private static List<String> lines(String joined) {
		return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
	}

	private boolean sleep(long millis) {
		try {
			Thread.sleep(millis);
			return this.running;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// closing a connection that is gone already
		}
	}

}
