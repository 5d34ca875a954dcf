package org.handraise.requests;

/**
 * What a line of a request's history records. The status change alone does not say it:
 * withdrawing the only offer also moves a request back to open or claimed, and a claim
 * can be released while the request stays answered. An edit by the author
 * ({@link #EDITED}) keeps the status: its line goes from the status to the same one.
 * Statistics count claims and reopenings by their kind, so an edit counts for nothing.
 */
public enum EventKind {

	POSTED, CLAIMED, RELEASED, OFFERED, OFFER_WITHDRAWN, RESOLVED, CANCELLED, REOPENED, EDITED

}
