package org.handraise.requests;

import java.time.Instant;

import org.handraise.people.PersonRef;

/**
 * A thank-you note as shown on its request's page. {@code from} is null when the request
 * is anonymous and the viewer did not send it; {@code mine} when the viewer sent it.
 */
public record RequestNote(Long id, PersonRef from, PersonRef to, String message, boolean publicNote, Instant createdAt,
		boolean mine) {
}
