package org.handraise.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.handraise.shared.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The manager statistics, for the dashboard, the API and the CSV export. Managers and
 * administrators only; they all see the same figures for the same question, so a report
 * is computed once and served again for {@code handraise.stats.cache-for}
 * ({@link StatsCache}), or until a request or a person changes. See {@link StatsReporter}
 * for how a report is computed, {@link StatsReport} for what each figure means and
 * {@link PrivacyFloor} for what is never shown.
 */
@Service
@PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
public class StatsService {

	private final StatsReporter reporter;

	private final StatsCache cache;

	private final Clock clock;

	StatsService(StatsReporter reporter, StatsCache cache, Clock clock) {
		this.reporter = reporter;
		this.cache = cache;
		this.clock = clock;
	}

	/** Today in UTC, the day the default period ends. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * Every figure for {@code query}, as of {@code period.generatedAt}.
	 * @throws InvalidInputException when the team or topic does not exist
	 */
	public StatsReport report(StatsQuery query) {
		return this.cache.get(query, this.reporter::report);
	}

}
