package org.handraise.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.handraise.people.PersonChanged;
import org.handraise.requests.RequestChanged;
import org.handraise.shared.AfterCommit;
import org.handraise.thanks.ThanksSent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The reports computed in the last {@code cacheFor}, by question. A report depends only
 * on its {@link StatsQuery}, not on who asks, so one computation serves every manager
 * asking the same question, and whoever asks while it runs waits for it instead of
 * starting another one (a Monday-morning crowd costs one report, not one each).
 * <p>
 * {@link #invalidate()} (a request or a person changed, once committed) drops every
 * report, and a report that was being computed when the change came is not served
 * afterwards: each entry remembers the generation it started in. So the figures are exact
 * for changes made through this instance, and at most {@code cacheFor} old for changes
 * made through another one. A report says when it was computed
 * ({@code period.generatedAt}). A failed computation (an unknown team, say) is not kept:
 * its waiters get the same exception, and the next caller tries again.
 */
@Component
class StatsCache {

	/**
	 * How many questions are kept at most: a period, a team and a topic each, so a few
	 * per manager.
	 */
	static final int MAX_ENTRIES = 256;

	private final Duration cacheFor;

	private final int maxEntries;

	private final Clock clock;

	private final AtomicLong generation = new AtomicLong();

	private final Map<StatsQuery, Entry> entries = new ConcurrentHashMap<>();

	@Autowired
	StatsCache(StatsProperties properties, Clock clock) {
		this(properties.cacheFor(), MAX_ENTRIES, clock);
	}

	/**
	 * @param cacheFor how long a report is served again; zero turns the cache off (every
	 * call computes)
	 * @param maxEntries how many questions are kept at most; beyond that the oldest
	 * reports go first
	 * @param clock for the reports' age
	 */
	StatsCache(Duration cacheFor, int maxEntries, Clock clock) {
		if (cacheFor.isNegative() || maxEntries < 1) {
			throw new IllegalArgumentException("cacheFor must not be negative and maxEntries must be positive");
		}
		this.cacheFor = cacheFor;
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	/**
	 * The kept report for {@code query}, or the one {@code compute} makes now (once,
	 * whoever else is asking).
	 */
	StatsReport get(StatsQuery query, Function<StatsQuery, StatsReport> compute) {
		if (this.cacheFor.isZero()) {
			return compute.apply(query);
		}
		while (true) {
			long current = this.generation.get();
			Instant now = this.clock.instant();
			Entry kept = this.entries.get(query);
			if (kept != null && kept.generation() == current
					&& (!kept.report().isDone() || now.isBefore(kept.startedAt().plus(this.cacheFor)))) {
				return await(kept.report());
			}
			Entry mine = new Entry(current, now, new CompletableFuture<>());
			boolean claimed = (kept != null) ? this.entries.replace(query, kept, mine)
					: (this.entries.putIfAbsent(query, mine) == null);
			if (!claimed) {
				continue; // somebody else started one meanwhile: look again
			}
			try {
				StatsReport report = compute.apply(query);
				mine.report().complete(report);
				trim();
				return report;
			}
			catch (RuntimeException | Error ex) {
				this.entries.remove(query, mine);
				mine.report().completeExceptionally(ex);
				throw ex;
			}
		}
	}

	/**
	 * Something the reports count changed: no report computed before now is served again.
	 */
	void invalidate() {
		this.generation.incrementAndGet();
		this.entries.clear();
	}

	/**
	 * After the commit, on this instance: the cache is this instance's memory, so the
	 * invalidation is not an event publication to store and resubmit
	 * ({@link AfterCommit}).
	 */
	@EventListener
	void requestChanged(RequestChanged change) {
		AfterCommit.run(this::invalidate);
	}

	@EventListener
	void thanksSent(ThanksSent sent) {
		if (sent.requestId() != null) {
			AfterCommit.run(this::invalidate);
		}
	}

	@EventListener
	void personChanged(PersonChanged change) {
		AfterCommit.run(this::invalidate);
	}

	/** How many questions are kept (finished or running). */
	int size() {
		return this.entries.size();
	}

	/**
	 * Keeps at most {@code maxEntries}: out-of-date reports go first, then the oldest
	 * finished ones.
	 */
	private void trim() {
		if (this.entries.size() <= this.maxEntries) {
			return;
		}
		long current = this.generation.get();
		Instant expired = this.clock.instant().minus(this.cacheFor);
		this.entries.entrySet()
			.removeIf((e) -> e.getValue().report().isDone()
					&& (e.getValue().generation() != current || !e.getValue().startedAt().isAfter(expired)));
		while (this.entries.size() > this.maxEntries) {
			var oldest = this.entries.entrySet()
				.stream()
				.filter((e) -> e.getValue().report().isDone())
				.min(Comparator.comparing((Map.Entry<StatsQuery, Entry> e) -> e.getValue().startedAt()));
			if (oldest.isEmpty() || !this.entries.remove(oldest.get().getKey(), oldest.get().getValue())) {
				return;
			}
		}
	}

	private static StatsReport await(CompletableFuture<StatsReport> report) {
		try {
			return report.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/**
	 * A report started at {@code startedAt} in {@code generation}; done when
	 * {@code report} is.
	 */
	private record Entry(long generation, Instant startedAt, CompletableFuture<StatsReport> report) {
	}

}
