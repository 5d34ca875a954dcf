package org.handraise.stats;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Runs part of a statistics report on a second connection that reads exactly what the
 * report's own transaction reads (a PostgreSQL exported snapshot,
 * {@code pg_export_snapshot()} / {@code SET TRANSACTION SNAPSHOT}), so two groups of
 * independent statements run on two cores at once and the figures still agree with each
 * other.
 * <p>
 * At most one side task runs at a time. When it is busy the caller does the work itself,
 * on its own connection, so a report never waits for a side task that waits for a
 * connection: a report waiting for its side task holds one connection, the side task
 * takes one more, and everything else holding a connection finishes without waiting for
 * either.
 */
@Component
class SnapshotReads implements DisposableBean {

	private static final Pattern SNAPSHOT = Pattern.compile("[0-9A-Fa-f-]{1,64}");

	private final DataSource dataSource;

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new SynchronousQueue<>(), new CustomizableThreadFactory("stats-side-"));

	SnapshotReads(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Starts {@code work} on a second connection that sees {@code snapshot}; {@code null}
	 * when the side task is busy (the caller then does the work itself).
	 */
	<T> Future<T> trySubmit(String snapshot, Function<NamedParameterJdbcTemplate, T> work) {
		if (!SNAPSHOT.matcher(snapshot).matches()) {
			throw new IllegalArgumentException("Not a snapshot id");
		}
		try {
			return this.executor.submit(() -> run(snapshot, work));
		}
		catch (RejectedExecutionException busy) {
			return null;
		}
	}

	/** The result of {@code side}, with its failure thrown as it was. */
	static <T> T await(Future<T> side) {
		try {
			return side.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			side.cancel(true);
			throw new IllegalStateException("Interrupted while waiting for statistics", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Statistics failed", ex.getCause());
		}
	}

	private <T> T run(String snapshot, Function<NamedParameterJdbcTemplate, T> work) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try {
				try (Statement statement = connection.createStatement()) {
					statement.execute("set transaction snapshot '" + snapshot + "'");
					statement.execute("set local plan_cache_mode = force_custom_plan");
				}
				return work.apply(new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true)));
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setAutoCommit(true);
			}
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
