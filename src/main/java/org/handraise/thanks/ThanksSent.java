package org.handraise.thanks;

/**
 * A thank-you note was sent: published in the sending transaction. {@code requestId} is
 * the request it thanks for, or null for a note tied to none.
 *
 * @param noteId the note
 * @param from the sender's username
 * @param to the recipient's username
 * @param requestId the request the note is about, or null
 */
public record ThanksSent(long noteId, String from, String to, Long requestId) {
}
