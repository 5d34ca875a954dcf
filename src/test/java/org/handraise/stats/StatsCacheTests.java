package org.handraise.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.handraise.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link StatsCache} on its own: one computation per question and period of validity,
 * whoever asks at once; a change drops every report, also one still being computed;
 * failures are not kept; the size stays bounded.
 */
class StatsCacheTests {

	private static final StatsQuery EIGHT_WEEKS = new StatsQuery(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 1),
			null, null);

	private static final StatsQuery ONE_TEAM = new StatsQuery(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 1),
			"Platform", null);

	private final MovableClock clock = new MovableClock(Instant.parse("2026-03-04T12:00:00Z"));

	private final Computations computations = new Computations(this.clock);

	@Test
	void theSameQuestionIsComputedOnceWhileTheReportIsFresh() {
		StatsCache cache = new StatsCache(Duration.ofSeconds(30), 10, this.clock);
		StatsReport first = cache.get(EIGHT_WEEKS, this.computations);
		this.clock.move(Duration.ofSeconds(29));
		assertThat(cache.get(EIGHT_WEEKS, this.computations)).isSameAs(first);
		assertThat(this.computations.count()).isEqualTo(1);

		this.clock.move(Duration.ofSeconds(1));
		StatsReport later = cache.get(EIGHT_WEEKS, this.computations);
		assertThat(later).isNotSameAs(first);
		assertThat(later.period().generatedAt()).isEqualTo(first.period().generatedAt().plusSeconds(30));
		assertThat(this.computations.count()).isEqualTo(2);
	}

	@Test
	void eachQuestionHasItsOwnReport() {
		StatsCache cache = new StatsCache(Duration.ofSeconds(30), 10, this.clock);
		StatsReport all = cache.get(EIGHT_WEEKS, this.computations);
		StatsReport team = cache.get(ONE_TEAM, this.computations);
		assertThat(team.period().team()).isEqualTo("Platform");
		assertThat(all.period().team()).isNull();
		assertThat(cache.get(new StatsQuery(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 1), "Platform", null),
				this.computations))
			.isSameAs(team);
		assertThat(this.computations.count()).isEqualTo(2);
	}

	@Test
	void aChangeDropsEveryReport() {
		StatsCache cache = new StatsCache(Duration.ofMinutes(10), 10, this.clock);
		StatsReport before = cache.get(EIGHT_WEEKS, this.computations);
		cache.get(ONE_TEAM, this.computations);
		cache.invalidate();
		assertThat(cache.size()).isZero();
		assertThat(cache.get(EIGHT_WEEKS, this.computations)).isNotSameAs(before);
		assertThat(this.computations.count()).isEqualTo(3);
	}

	@Test
	void aReportComputedWhileAChangeCameIsNotServedAgain() {
		StatsCache cache = new StatsCache(Duration.ofMinutes(10), 10, this.clock);
		// the change commits while the report is being computed (after it read its
		// snapshot)
		StatsReport during = cache.get(EIGHT_WEEKS, (query) -> {
			StatsReport report = this.computations.apply(query);
			cache.invalidate();
			return report;
		});
		StatsReport after = cache.get(EIGHT_WEEKS, this.computations);
		assertThat(after).isNotSameAs(during);
		assertThat(cache.get(EIGHT_WEEKS, this.computations)).isSameAs(after);
		assertThat(this.computations.count()).isEqualTo(2);
	}

	@Test
	void callersAskingAtOnceWaitForOneComputation() throws Exception {
		StatsCache cache = new StatsCache(Duration.ofSeconds(30), 10, this.clock);
		CountDownLatch computing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Function<StatsQuery, StatsReport> slow = (query) -> {
			computing.countDown();
			await(release);
			return this.computations.apply(query);
		};
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<StatsReport>> calls = new ArrayList<>();
			calls.add(pool.submit(() -> cache.get(EIGHT_WEEKS, slow)));
			assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
			for (int i = 1; i < 16; i++) {
				calls.add(pool.submit(() -> cache.get(EIGHT_WEEKS, slow)));
			}
			Thread.sleep(100); // let the fifteen reach the cache and wait
			release.countDown();
			StatsReport first = calls.get(0).get(10, TimeUnit.SECONDS);
			for (Future<StatsReport> call : calls) {
				assertThat(call.get(10, TimeUnit.SECONDS)).isSameAs(first);
			}
			assertThat(this.computations.count()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aFailureReachesItsWaitersAndIsNotKept() throws Exception {
		StatsCache cache = new StatsCache(Duration.ofSeconds(30), 10, this.clock);
		CountDownLatch computing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		InvalidInputException unknownTeam = InvalidInputException.of("team", StatsMessages.NO_SUCH_TEAM.with("Nope"));
		Function<StatsQuery, StatsReport> failing = (query) -> {
			computing.countDown();
			await(release);
			throw unknownTeam;
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<StatsReport> first = pool.submit(() -> cache.get(ONE_TEAM, failing));
			assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
			Future<StatsReport> waiter = pool.submit(() -> cache.get(ONE_TEAM, failing));
			Thread.sleep(100);
			release.countDown();
			for (Future<StatsReport> call : List.of(first, waiter)) {
				assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(10, TimeUnit.SECONDS))
					.withCauseExactlyInstanceOf(InvalidInputException.class);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(cache.size()).isZero();
		assertThat(cache.get(ONE_TEAM, this.computations).period().team()).isEqualTo("Platform");
	}

	@Test
	void zeroComputesEveryReport() {
		StatsCache cache = new StatsCache(Duration.ZERO, 10, this.clock);
		assertThat(cache.get(EIGHT_WEEKS, this.computations)).isNotSameAs(cache.get(EIGHT_WEEKS, this.computations));
		assertThat(this.computations.count()).isEqualTo(2);
		assertThat(cache.size()).isZero();
	}

	@Test
	void theOldestReportsMakeRoomForNewQuestions() {
		StatsCache cache = new StatsCache(Duration.ofMinutes(10), 3, this.clock);
		List<StatsQuery> days = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			days.add(new StatsQuery(LocalDate.of(2026, 3, 1).minusDays(i), LocalDate.of(2026, 3, 1), null, null));
			cache.get(days.get(i), this.computations);
			this.clock.move(Duration.ofSeconds(1));
		}
		assertThat(cache.size()).isEqualTo(3);
		int computed = this.computations.count();
		cache.get(days.get(4), this.computations);
		cache.get(days.get(2), this.computations);
		assertThat(this.computations.count()).as("the newest three are kept").isEqualTo(computed);
		cache.get(days.get(0), this.computations);
		assertThat(this.computations.count()).as("the oldest one went").isEqualTo(computed + 1);
	}

	@Test
	void settingsMustMakeSense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StatsCache(Duration.ofSeconds(-1), 10, this.clock));
		assertThatIllegalArgumentException().isThrownBy(() -> new StatsCache(Duration.ofSeconds(30), 0, this.clock));
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Makes a distinct (empty) report per call, generated at the clock's time, and counts
	 * the calls.
	 */
	private static final class Computations implements Function<StatsQuery, StatsReport> {

		private final AtomicInteger count = new AtomicInteger();

		private final Clock clock;

		Computations(Clock clock) {
			this.clock = clock;
		}

		@Override
		public StatsReport apply(StatsQuery query) {
			this.count.incrementAndGet();
			return new StatsReport(new StatsReport.Period(query.from(), query.to(), query.team(), query.topic(),
					this.clock.instant(), 24, 3, PrivacyFloor.MIN_ASKERS), null, null, null, null, List.of(), null,
					null, List.of());
		}

		int count() {
			return this.count.get();
		}

	}

	private static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void move(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
