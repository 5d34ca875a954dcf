package org.handraise.stats;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The arithmetic behind the figures, without Spring: percentiles as
 * {@code percentile_cont} computes them, the privacy floor, shares and rounding.
 */
class StatsArithmeticTests {

	@Test
	void theMedianOfAnOddCountIsTheMiddleValue() {
		assertThat(Percentiles.median(List.of(30.0, 60.0, 600.0))).isEqualTo(60.0);
	}

	@Test
	void theMedianOfAnEvenCountIsHalfwayBetweenTheMiddleTwo() {
		assertThat(Percentiles.median(List.of(20.0, 30.0, 45.0, 60.0, 240.0, 2880.0))).isEqualTo(52.5);
	}

	@Test
	void theNinetiethPercentileInterpolatesBetweenTheClosestRanks() {
		// position 0.9 * (7 - 1) = 5.4: 2820 + 0.4 * (2880 - 2820)
		assertThat(Percentiles.p90(List.of(20.0, 30.0, 45.0, 60.0, 240.0, 2820.0, 2880.0))).isCloseTo(2844.0,
				within(1e-9));
		// position 0.9 * (5 - 1) = 3.6: 1440 + 0.6 * (2940 - 1440)
		assertThat(Percentiles.p90(List.of(60.0, 120.0, 180.0, 1440.0, 2940.0))).isCloseTo(2340.0, within(1e-9));
		// position 0.9 * (3 - 1) = 1.8
		assertThat(Percentiles.p90(List.of(30.0, 60.0, 600.0))).isCloseTo(492.0, within(1e-9));
	}

	@Test
	void oneValueIsEveryPercentileAndNoValuesIsNone() {
		assertThat(Percentiles.median(List.of(42.0))).isEqualTo(42.0);
		assertThat(Percentiles.p90(List.of(42.0))).isEqualTo(42.0);
		assertThat(Percentiles.median(List.of())).isNull();
		assertThat(Percentiles.p90(List.of())).isNull();
	}

	@Test
	void theExtremesAreTheSmallestAndLargestValues() {
		List<Double> sorted = List.of(1.0, 2.0, 10.0);
		assertThat(Percentiles.of(sorted, 0)).isEqualTo(1.0);
		assertThat(Percentiles.of(sorted, 1)).isEqualTo(10.0);
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(sorted, 1.5));
	}

	@Test
	void fewerThanThreeAskersAreSuppressedAndThreeAreShown() {
		assertThat(PrivacyFloor.suppresses(0)).isTrue();
		assertThat(PrivacyFloor.suppresses(1)).isTrue();
		assertThat(PrivacyFloor.suppresses(2)).isTrue();
		assertThat(PrivacyFloor.suppresses(3)).isFalse();
		assertThat(PrivacyFloor.suppresses(40)).isFalse();
		assertThat(PrivacyFloor.MIN_ASKERS).isEqualTo(3);
	}

	@Test
	void theFloorAppliesOnlyWhereAFigureIsAboutAGroup() {
		assertThat(PrivacyFloor.suppresses(true, 2)).isTrue();
		assertThat(PrivacyFloor.suppresses(false, 2)).isFalse();
		assertThat(PrivacyFloor.suppresses(true, 3)).isFalse();
	}

	@Test
	void sharesAreRoundedToFourPlacesAndEmptyOnesAreNull() {
		StatsReport.Share share = StatsReport.Share.of(5, 9);
		assertThat(share.share()).isEqualTo(0.5556);
		assertThat(share.count()).isEqualTo(5);
		assertThat(share.of()).isEqualTo(9);
		assertThat(StatsReport.Share.of(0, 0).share()).isNull();
		assertThat(StatsReporter.round(2.25, 1)).isEqualTo(2.3);
	}

}
