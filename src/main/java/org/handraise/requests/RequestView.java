package org.handraise.requests;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.handraise.people.PersonRef;

/**
 * A request with its offers, history, the people who helped (claimed or offered), the
 * actions the viewer may take (the likely one first) and what happens next for them
 * ({@code next}). {@code author} is null for anonymous requests unless the viewer wrote
 * it ({@code mine}).
 */
public record RequestView(Long id, String title, String details, String triedSoFar, List<String> topics,
		Urgency urgency, boolean anonymous, RequestStatus status, PersonRef author, PersonRef claimedBy,
		Instant createdAt, Instant claimedAt, Instant firstResponseAt, Instant resolvedAt, Instant updatedAt,
		boolean mine, Set<Action> actions, NextStep next, List<OfferView> offers, List<EventView> history,
		List<PersonRef> helpers) {

	public boolean can(String action) {
		return this.actions.contains(Action.valueOf(action));
	}

}
