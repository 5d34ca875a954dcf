package org.handraise.home.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpSession;

import org.handraise.people.PeopleService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Since when the home page shows what is new, per person and visit. A visit is a session:
 * its first home page takes the time the person was last seen
 * ({@code people.last_seen_at}) as "since" and keeps it in the session, so that the list
 * stays put while they work through it, reloads included; then it notes the person seen
 * now. While the session lasts, the home page notes them seen again at most every
 * {@code handraise.home.seen-every} (10 minutes unless set), so that the next visit
 * starts about where this one ended, and browsing writes nearly nothing. Before a
 * person's first visit, "since" is a week ago.
 */
@Component
class LastVisit {

	static final String SINCE = LastVisit.class.getName() + ".since";

	static final String NOTED = LastVisit.class.getName() + ".noted";

	/** How far back the first visit ever looks. */
	static final Duration FIRST_VISIT = Duration.ofDays(7);

	private final PeopleService people;

	private final Clock clock;

	private final Duration seenEvery;

	LastVisit(PeopleService people, Clock clock, @Value("${handraise.home.seen-every:10m}") Duration seenEvery) {
		this.people = people;
		this.clock = clock;
		this.seenEvery = seenEvery;
	}

	/** This visit's "since", noting the person seen now when that is due. */
	Since since(String username, HttpSession session) {
		Instant now = this.clock.instant();
		Since since = (Since) session.getAttribute(SINCE);
		if (since == null) {
			since = this.people.lastSeen(username)
				.map((seen) -> new Since(seen, false))
				.orElseGet(() -> new Since(now.minus(FIRST_VISIT), true));
			session.setAttribute(SINCE, since);
		}
		Instant noted = (Instant) session.getAttribute(NOTED);
		if (noted == null || !noted.plus(this.seenEvery).isAfter(now)) {
			this.people.markSeen(username, now);
			session.setAttribute(NOTED, now);
		}
		return since;
	}

	/**
	 * Since when the home page shows what is new.
	 *
	 * @param at the time
	 * @param firstVisit whether this is the person's first visit (there is no earlier one
	 * to count from)
	 */
	record Since(Instant at, boolean firstVisit) implements java.io.Serializable {
	}

}
