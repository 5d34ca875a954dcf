package org.handraise.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Future;

import org.handraise.shared.DatabaseProduct;
import org.handraise.shared.InvalidInputException;
import org.handraise.stats.CohortQuery.Cohort;
import org.handraise.stats.StatsProperties.PercentileMode;
import org.handraise.stats.StatsReport.Backlog;
import org.handraise.stats.StatsReport.Gratitude;
import org.handraise.stats.StatsReport.Helper;
import org.handraise.stats.StatsReport.Period;
import org.handraise.stats.StatsReport.Reciprocity;
import org.handraise.stats.StatsReport.Requests;
import org.handraise.stats.StatsReport.Responsiveness;
import org.handraise.stats.StatsReport.Teams;
import org.handraise.stats.StatsReport.Week;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a manager statistics report from its sections, each a query class over the
 * facts, the roll-ups and the raw tables ({@link CohortQuery}, {@link RequestsQuery},
 * {@link ResponsivenessQuery}, {@link BacklogQuery}, {@link TeamsQuery},
 * {@link LeadersQuery}, {@link HelpersQuery}, {@link GratitudeQuery},
 * {@link ReciprocityQuery}, {@link WeeklyQuery}) sharing one {@link StatsScope}. Every
 * figure is an SQL aggregate ({@code GROUP BY}, {@code percentile_cont}); only the
 * percentile fallback reads a sorted column of durations. The SQL runs on PostgreSQL and
 * on H2 in PostgreSQL mode.
 * <p>
 * One report is one repeatable-read transaction, so its figures agree with each other; on
 * PostgreSQL the per-team figures and reciprocity run at the same time on a second
 * connection with the same snapshot ({@link SnapshotReads}), when one is free. The cohort
 * is read first: when narrowed to a team with fewer than {@value PrivacyFloor#MIN_ASKERS}
 * askers, every figure about its requests is hidden. Only {@link StatsService} calls it:
 * that is where who may ask is checked, before a kept report is served or a new one
 * computed.
 * <p>
 * See {@link StatsReport} for what each figure means and {@link PrivacyFloor} for what is
 * never shown.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class StatsReporter {

	private final NamedParameterJdbcTemplate jdbc;

	private final SnapshotReads snapshotReads;

	private final StatsProperties properties;

	private final Clock clock;

	private final DatabaseProduct database;

	private final CohortQuery cohort = new CohortQuery();

	private final RequestsQuery requests = new RequestsQuery();

	private final ResponsivenessQuery responsiveness;

	private final BacklogQuery backlog = new BacklogQuery();

	private final TeamsQuery teams = new TeamsQuery();

	private final LeadersQuery leaders = new LeadersQuery();

	private final HelpersQuery helpers = new HelpersQuery();

	private final GratitudeQuery gratitude = new GratitudeQuery();

	private final ReciprocityQuery reciprocity = new ReciprocityQuery();

	private final WeeklyQuery weekly;

	StatsReporter(NamedParameterJdbcTemplate jdbc, SnapshotReads snapshotReads, DatabaseProduct database,
			StatsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.database = database;
		this.snapshotReads = snapshotReads;
		this.properties = properties;
		this.clock = clock;
		boolean percentilesInSql = percentilesInSql(properties.percentiles(), database);
		this.responsiveness = new ResponsivenessQuery(percentilesInSql);
		this.weekly = new WeeklyQuery(percentilesInSql);
	}

	/**
	 * Every figure for {@code query}.
	 * @throws InvalidInputException when the team or topic does not exist
	 */
	public StatsReport report(StatsQuery query) {
		if (this.database.isPostgres()) {
			// Plans for these parameters, not generic ones: a generic plan guesses a
			// period's share of the rows (0.5 %), which turns an index probe per manager
			// into a scan of the whole period.
			this.jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
		}
		StatsScope unfloored = StatsScope.of(this.jdbc, query, this.clock.instant().truncatedTo(ChronoUnit.SECONDS),
				this.properties);
		Cohort cohort = this.cohort.read(this.jdbc, unfloored);
		StatsScope scope = unfloored.withCohortSuppressed(unfloored.floored(cohort.askers()));
		// the per-person figures on a second connection with the same snapshot, when one
		// is free
		Future<People> side = this.database.isPostgres()
				? this.snapshotReads.trySubmit(exportSnapshot(), (db) -> people(db, scope)) : null;
		Period period = period(scope);
		Requests requests = this.requests.read(this.jdbc, scope, cohort);
		Responsiveness responsiveness = this.responsiveness.read(this.jdbc, scope, cohort);
		Backlog backlog = this.backlog.read(this.jdbc, scope);
		List<Helper> helpers = this.helpers.read(this.jdbc, scope);
		Gratitude gratitude = this.gratitude.read(this.jdbc, scope, cohort);
		List<Week> weekly = this.weekly.read(this.jdbc, scope);
		People people = (side != null) ? SnapshotReads.await(side) : people(this.jdbc, scope);
		return new StatsReport(period, requests, responsiveness, backlog, people.teams(), helpers, gratitude,
				people.reciprocity(), weekly);
	}

	private String exportSnapshot() {
		return this.jdbc.getJdbcTemplate().queryForObject("select pg_export_snapshot()", String.class);
	}

	private People people(NamedParameterJdbcTemplate db, StatsScope s) {
		return new People(this.teams.read(db, s, this.leaders.read(db, s)), this.reciprocity.read(db, s));
	}

	/** The figures about who asked (per team, and who both asked and helped). */
	private record People(Teams teams, Reciprocity reciprocity) {
	}

	private Period period(StatsScope scope) {
		return new Period(scope.query().from(), scope.query().to(), scope.query().team(), scope.query().topic(),
				scope.now(), this.properties.firstResponseTarget().toHours(),
				this.properties.staleClaimAfter().toDays(), PrivacyFloor.MIN_ASKERS);
	}

	private static boolean percentilesInSql(PercentileMode mode, DatabaseProduct database) {
		if (mode != PercentileMode.AUTO) {
			return mode == PercentileMode.SQL;
		}
		return database.isPostgres() || database.isH2();
	}

	/** {@code count / of} to {@code places} decimals; null when {@code of} is zero. */
	static Double ratio(long count, long of, int places) {
		return (of == 0) ? null : round(count / (double) of, places);
	}

	static Double round(double value, int places) {
		return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
	}

}
