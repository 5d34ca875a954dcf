package org.handraise.requests;

import java.time.Instant;

import org.handraise.people.PersonRef;

/**
 * One line of a request's history. {@code actor} is null where showing it would reveal
 * the author of an anonymous request; {@code byAuthor} still says the person who asked
 * did it, and {@code yours} says the viewer did. {@code note} is what the actor said with
 * it (the reason for reopening), or null. {@code reason} says why, where it was not the
 * actor's own choice ({@link EventReason#HELPER_LEFT}: a claim released because its
 * holder was deactivated), and is null otherwise.
 */
public record EventView(PersonRef actor, boolean byAuthor, boolean yours, EventKind kind, RequestStatus from,
		RequestStatus to, String note, Instant at, EventReason reason) {
}
