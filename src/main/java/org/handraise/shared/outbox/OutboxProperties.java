package org.handraise.shared.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox's resubmission ({@code handraise.outbox.*}).
 *
 * @param retryInterval how often incomplete event publications are looked for (and once
 * when the application is ready)
 * @param minAge how old a publication whose listener has not started yet must be before
 * it is resubmitted, so that a listener still queued after its commit is not started a
 * second time
 * @param staleAfter how long a publication may stay in processing (or resubmitted) before
 * its instance is taken for dead and it is resubmitted; until then it is in flight and
 * left alone
 * @param maxAttempts how many resubmissions a publication gets; after that it stays
 * incomplete in {@code event_publication} for someone to look at
 * @param retention how long completed publications are kept before they are deleted
 */
@ConfigurationProperties("handraise.outbox")
public record OutboxProperties(@DefaultValue("1m") Duration retryInterval, @DefaultValue("1m") Duration minAge,
		@DefaultValue("10m") Duration staleAfter, @DefaultValue("5") int maxAttempts,
		@DefaultValue("7d") Duration retention) {
}
