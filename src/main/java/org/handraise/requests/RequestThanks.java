package org.handraise.requests;

import java.util.List;

/**
 * The thank-you notes about one request, as its page shows and sends them. The thanks
 * feature provides this (it depends on requests, never the other way round), so that a
 * request's author can thank a helper in place.
 */
public interface RequestThanks {

	/**
	 * The notes about request {@code requestId} that {@code username} sees on its page:
	 * none unless they took part in it (asked, claimed or offered help); then its public
	 * notes and the private ones they sent or received. A note about an anonymous request
	 * names its sender to nobody but the sender.
	 */
	List<RequestNote> notes(String username, long requestId);

	/**
	 * Sends a note about request {@code requestId} to {@code to}, a person who helped on
	 * it; only its author may. Throws {@link org.handraise.shared.InvalidInputException}
	 * on bad input (fields {@code to} and {@code message}).
	 */
	RequestNote send(String username, long requestId, String to, String message, boolean publicNote);

}
