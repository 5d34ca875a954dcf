package org.handraise.requests;

/**
 * What happens next on a request, as the viewer should hear it: what they can do, or why
 * nothing is theirs to do now and who acts next. A page says it in a sentence
 * ({@code request.next.*}), so that the "what you can do" card is never empty.
 */
public enum NextStep {

	/** The author's open request, waiting for offers. */
	WAITING,

	/** The author's request, claimed by a mentor who is working on an answer. */
	WAITING_CLAIMED,

	/** The author's request has offers: accepting one resolves it. */
	CHOOSE_OFFER,

	/** The author resolved it; reopening is possible. */
	YOU_RESOLVED,

	/** The author cancelled it. */
	YOU_CANCELLED,

	/** The viewer offered help; the author decides. */
	YOU_OFFERED,

	/** The viewer holds the claim and has not offered yet. */
	YOU_CLAIMED,

	/** A mentor may claim it or offer help; only the author resolves or cancels. */
	CLAIM_OR_OFFER,

	/** The viewer may offer help; only the author resolves or cancels. */
	OFFER,

	/** Someone else's request, resolved. */
	RESOLVED,

	/** Someone else's request, cancelled. */
	CANCELLED

}
