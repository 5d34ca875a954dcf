package org.handraise.requests;

/**
 * Published, inside the transaction that made it, after a request was posted or changed
 * (a transition, an offer, or a thank-you note about it) and the change was flushed.
 * Listeners that keep derived data run in the same transaction, so the derived data
 * commits or rolls back with the change.
 *
 * @param requestId the request's id
 * @param posted whether the request was posted in this transaction (so nothing derived
 * from it exists yet, and no other transaction can see it)
 */
public record RequestChanged(long requestId, boolean posted) {

	/** A change to a request that existed before this transaction. */
	public RequestChanged(long requestId) {
		this(requestId, false);
	}

	/** A request posted in this transaction. */
	public static RequestChanged posted(long requestId) {
		return new RequestChanged(requestId, true);
	}

}
