package org.handraise.requests;

import java.time.Instant;

import org.handraise.people.PersonRef;

/**
 * One line of a request's history. {@code actor} is null where showing it would reveal the author of an
 * anonymous request; {@code byAuthor} still says the person who asked did it. {@code reason} says why, where it
 * was not the actor's own choice ({@link EventReason#HELPER_LEFT}: a claim released because its holder was
 * deactivated), and is null for an ordinary transition.
 */
public record EventView(PersonRef actor, boolean byAuthor, RequestStatus from, RequestStatus to, Instant at,
		EventReason reason) {

	/** An ordinary transition: the actor's own choice, with no reason. */
	public EventView(PersonRef actor, boolean byAuthor, RequestStatus from, RequestStatus to, Instant at) {
		this(actor, byAuthor, from, to, at, null);
	}

}
