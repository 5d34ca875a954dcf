package org.handraise.requests;

import java.time.Instant;

import org.handraise.people.PersonRef;

/**
 * Something that happened to the viewer's requests or claims, for the home page's "since
 * your last visit". {@code helper} names who offered help ({@link Kind#OFFER}); it is
 * null for {@link Kind#CLAIM_RESOLVED}, which names nobody, so that it never names the
 * author of an anonymous request.
 */
public record RequestNews(Kind kind, long requestId, String title, PersonRef helper, Instant at) {

	public enum Kind {

		/** Someone offered help on one of the viewer's requests. */
		OFFER,

		/** A request the viewer claimed was resolved by the person who asked. */
		CLAIM_RESOLVED

	}

}
