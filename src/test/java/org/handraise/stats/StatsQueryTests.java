package org.handraise.stats;

import java.time.LocalDate;

import org.handraise.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Turning request parameters into a {@link StatsQuery}: defaults and every kind of bad
 * input.
 */
class StatsQueryTests {

	private static final LocalDate WEDNESDAY = LocalDate.parse("2026-03-04");

	@Test
	void withoutDatesThePeriodIsTheLastEightIsoWeeksUpToToday() {
		StatsQuery query = StatsQuery.defaults(WEDNESDAY);
		assertThat(query.from()).isEqualTo("2026-01-12");
		assertThat(query.to()).isEqualTo(WEDNESDAY);
		assertThat(query.firstWeek()).isEqualTo("2026-01-12");
		assertThat(query.team()).isNull();
		assertThat(query.topic()).isNull();
		assertThat(query.narrowedToTeam()).isFalse();
	}

	@Test
	void onlyToMeansTheEightWeeksEndingThen() {
		StatsQuery query = StatsQuery.parse("", "2026-02-01", null, null, WEDNESDAY);
		assertThat(query.from()).isEqualTo("2025-12-08");
		assertThat(query.to()).isEqualTo("2026-02-01");
	}

	@Test
	void onlyFromRunsUntilToday() {
		StatsQuery query = StatsQuery.parse("2026-02-10", null, null, null, WEDNESDAY);
		assertThat(query.from()).isEqualTo("2026-02-10");
		assertThat(query.to()).isEqualTo(WEDNESDAY);
		assertThat(query.firstWeek()).isEqualTo("2026-02-09");
	}

	@Test
	void aSingleDayIsAPeriod() {
		StatsQuery query = StatsQuery.parse("2026-02-10", "2026-02-10", " Platform ", "java", WEDNESDAY);
		assertThat(query.from()).isEqualTo(query.to());
		assertThat(query.team()).isEqualTo("Platform");
		assertThat(query.topic()).isEqualTo("java");
		assertThat(query.narrowedToTeam()).isTrue();
	}

	@Test
	void fromAfterToIsRefusedOnFrom() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> StatsQuery.parse("2026-03-01", "2026-02-01", null, null, WEDNESDAY))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("from"));
	}

	@Test
	void everyBadDateIsReportedAtOnce() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> StatsQuery.parse("2026-02-30", "03/01/2026", null, null, WEDNESDAY))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("from", "to"));
	}

	@Test
	void aPeriodLongerThanThreeYearsIsRefused() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> StatsQuery.parse("2020-01-01", "2026-01-01", null, null, WEDNESDAY))
			.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("to"));
		assertThat(StatsQuery.parse("2025-01-01", "2025-12-31", null, null, WEDNESDAY).from()).isEqualTo("2025-01-01");
	}

	@Test
	void overlongNamesAreRefused() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> StatsQuery.parse(null, null, "x".repeat(61), "y".repeat(31), WEDNESDAY))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("team", "topic"));
	}

}
