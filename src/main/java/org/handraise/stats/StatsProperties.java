package org.handraise.stats;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the manager statistics ({@code handraise.stats.*}).
 *
 * @param firstResponseTarget how soon a first response should come (default 24 hours)
 * @param staleClaimAfter how long a claim may go without an offer before it counts as
 * stale (default 3 days)
 * @param helpersLimit the most helpers one report lists (the busiest first)
 * @param percentiles where medians and 90th percentiles are computed: {@code auto} uses
 * the database's {@code percentile_cont} on PostgreSQL and H2 and the sorted-durations
 * fallback elsewhere; {@code sql} and {@code java} force one way (the tests run both and
 * expect the same answers)
 */
@ConfigurationProperties("handraise.stats")
public record StatsProperties(@DefaultValue("24h") Duration firstResponseTarget,
		@DefaultValue("3d") Duration staleClaimAfter, @DefaultValue("100") int helpersLimit,
		@DefaultValue("auto") PercentileMode percentiles, @DefaultValue("30s") Duration cacheFor) {

	public enum PercentileMode {

		AUTO, SQL, JAVA

	}

}
