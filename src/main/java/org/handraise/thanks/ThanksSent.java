package org.handraise.thanks;

import java.time.Instant;

/**
 * A thank-you note was sent: published in the sending transaction. It carries what a
 * listener needs to tell the recipient without reading the note again.
 *
 * @param noteId the note
 * @param from the sender's username
 * @param to the recipient's username
 * @param requestId the request the note is about, or null for a note tied to none
 * @param requestTitle that request's title, or null
 * @param senderHidden whether the sender must not be named to the recipient: the note is
 * about an anonymous request, and its sender is the author
 * @param message the note's text
 * @param at when it was sent
 */
public record ThanksSent(long noteId, String from, String to, Long requestId, String requestTitle, boolean senderHidden,
		String message, Instant at) {
}
