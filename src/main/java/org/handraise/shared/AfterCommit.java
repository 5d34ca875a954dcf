package org.handraise.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work on this instance once the current transaction has committed, or at once when
 * no transaction is active; nothing when it rolls back. For after-commit work that
 * belongs to this instance and this request (a cache in memory, the signed-in person's
 * sessions): a {@code @TransactionalEventListener} would be stored in the event
 * publication registry, and a resubmission would run it later, possibly on another
 * instance, without the request it belongs to. A failure is logged by Spring's
 * transaction support, not thrown: the change is committed already.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static void run(Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_COMMITTED) {
					work.run();
				}
			}

		});
	}

}
