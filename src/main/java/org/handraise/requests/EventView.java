package org.handraise.requests;

import java.time.Instant;

import org.handraise.people.PersonRef;

/**
 * One line of a request's history. {@code actor} is null where showing it would reveal the author of an
 * anonymous request; {@code byAuthor} still says the person who asked did it.
 */
public record EventView(PersonRef actor, boolean byAuthor, RequestStatus from, RequestStatus to, Instant at) {
}
