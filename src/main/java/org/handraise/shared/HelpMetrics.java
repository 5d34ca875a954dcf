package org.handraise.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counters of the help loop for Prometheus ({@code handraise_requests_posted_total} and
 * so on). A counter moves only when the change it counts commits.
 */
@Component
public class HelpMetrics {

	private final Counter posted;

	private final Counter claimed;

	private final Counter resolved;

	private final Counter offered;

	private final Counter thanked;

	public HelpMetrics(MeterRegistry registry) {
		this.posted = Counter.builder("handraise.requests.posted")
			.description("Help requests posted")
			.register(registry);
		this.claimed = Counter.builder("handraise.requests.claimed")
			.description("Help requests claimed")
			.register(registry);
		this.resolved = Counter.builder("handraise.requests.resolved")
			.description("Help requests resolved")
			.register(registry);
		this.offered = Counter.builder("handraise.offers.posted")
			.description("Offers of help posted")
			.register(registry);
		this.thanked = Counter.builder("handraise.thanks.sent").description("Thank-you notes sent").register(registry);
	}

	public void posted() {
		afterCommit(this.posted);
	}

	public void claimed() {
		afterCommit(this.claimed);
	}

	public void resolved() {
		afterCommit(this.resolved);
	}

	public void offered() {
		afterCommit(this.offered);
	}

	public void thanked() {
		afterCommit(this.thanked);
	}

	private static void afterCommit(Counter counter) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					counter.increment();
				}
			});
		}
		else {
			counter.increment();
		}
	}

}
