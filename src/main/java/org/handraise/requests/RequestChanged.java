package org.handraise.requests;

/**
 * Published, inside the transaction that made it, after a request was posted or changed (a transition, an offer,
 * or a thank-you note about it) and the change was flushed. Listeners that keep derived data run in the same
 * transaction, so the derived data commits or rolls back with the change.
 * @param requestId the request's id
 */
public record RequestChanged(long requestId) {
}
