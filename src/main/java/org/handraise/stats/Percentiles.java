package org.handraise.stats;

import java.util.List;

/**
 * Percentiles by linear interpolation between the closest ranks, exactly as SQL's
 * {@code percentile_cont}: for {@code n} sorted values the p-th percentile sits at
 * position {@code p * (n - 1)}. Used where the database has no {@code percentile_cont},
 * over the sorted durations column it returns (never over loaded entities).
 */
final class Percentiles {

	private Percentiles() {
	}

	/**
	 * The {@code fraction} percentile (0..1) of {@code sorted}, which must be in
	 * ascending order; {@code null} for no values.
	 */
	static Double of(List<Double> sorted, double fraction) {
		if (fraction < 0 || fraction > 1) {
			throw new IllegalArgumentException("fraction must be between 0 and 1: " + fraction);
		}
		if (sorted.isEmpty()) {
			return null;
		}
		double position = fraction * (sorted.size() - 1);
		int lower = (int) Math.floor(position);
		int upper = (int) Math.ceil(position);
		double low = sorted.get(lower);
		double high = sorted.get(upper);
		return low + (position - lower) * (high - low);
	}

	static Double median(List<Double> sorted) {
		return of(sorted, 0.5);
	}

	static Double p90(List<Double> sorted) {
		return of(sorted, 0.9);
	}

}
