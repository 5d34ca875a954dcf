package org.handraise.notifications;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * People's unread counts as this instance last read them, so that the navigation bar of
 * every page does not count them again. A count is kept until it changes: whatever adds
 * or reads someone's notifications signals it ({@link LiveSignals}), on this instance
 * when the transaction commits and on every other one through the listening connection
 * ({@link LiveListener}), and the kept count is dropped. Counts are kept only while the
 * instance hears every change: on PostgreSQL while its listening connection is open (a
 * lost one drops them all and keeps none until it is back), on H2 always (one instance).
 * A kept count is also dropped after {@code handraise.live.keep-unread-for}, so that a
 * change nobody signalled shows within that time.
 * <p>
 * A count read while a change to it committed is not kept: each person's counts carry the
 * number of changes signalled before the read, and a count is used only while that number
 * is still the latest.
 */
@Component
public class UnreadCounts {

	/** More people than any organisation has; beyond it every kept count is dropped. */
	static final int MAX_KEPT = 100_000;

	private final Inbox inbox;

	private final long keepForNanos;

	private final ConcurrentMap<String, Kept> kept = new ConcurrentHashMap<>();

	/** How many changes were signalled per person: a kept count from before is stale. */
	private final ConcurrentMap<String, Long> changes = new ConcurrentHashMap<>();

	/** Dropping every count moves this on: counts read before are stale. */
	private final AtomicLong epoch = new AtomicLong();

	private volatile boolean hearing;

	UnreadCounts(Inbox inbox, LiveSettings settings) {
		this.inbox = inbox;
		this.keepForNanos = settings.keepUnreadFor().toNanos();
	}

	/** How many notifications {@code username} has not read. */
	public long of(String username) {
		long now = System.nanoTime();
		long epochBefore = this.epoch.get();
		long changesBefore = this.changes.getOrDefault(username, 0L);
		Kept found = this.kept.get(username);
		if (found != null && found.epoch() == epochBefore && found.changes() == changesBefore
				&& now - found.readAt() < this.keepForNanos) {
			return found.count();
		}
		long count = this.inbox.unreadCount(username);
		if (this.hearing && this.keepForNanos > 0) {
			if (this.kept.size() >= MAX_KEPT) {
				this.kept.clear();
			}
			this.kept.put(username, new Kept(count, epochBefore, changesBefore, now));
		}
		return count;
	}

	/** These people's counts changed (or may have). */
	void changed(Collection<String> usernames) {
		for (String username : usernames) {
			this.changes.merge(username, 1L, Long::sum);
			this.kept.remove(username);
		}
	}

	/** Anyone's count may have changed without a signal reaching this instance. */
	void changedAll() {
		this.epoch.incrementAndGet();
		this.kept.clear();
	}

	/**
	 * Whether this instance hears every change from now on; when it stops hearing them,
	 * every kept count is dropped.
	 */
	void hearing(boolean hearing) {
		this.hearing = hearing;
		changedAll();
	}

	/** How many counts are kept. */
	int kept() {
		return this.kept.size();
	}

	private record Kept(long count, long epoch, long changes, long readAt) {
	}

}
