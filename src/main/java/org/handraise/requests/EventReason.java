package org.handraise.requests;

/**
 * Why a line of a request's history happened, where it was not the actor's own choice. An
 * ordinary transition has none.
 */
public enum EventReason {

	/** The person who held the claim was deactivated: the claim was released for them. */
	HELPER_LEFT

}
