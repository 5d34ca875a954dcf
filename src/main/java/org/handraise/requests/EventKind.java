package org.handraise.requests;

/**
 * What a line of a request's history records. The status change alone does not say it: withdrawing the only offer
 * also moves a request back to open or claimed, and a claim can be released while the request stays answered.
 * Statistics count claims and reopenings by their kind.
 */
public enum EventKind {

	POSTED, CLAIMED, RELEASED, OFFERED, OFFER_WITHDRAWN, RESOLVED, CANCELLED, REOPENED

}
