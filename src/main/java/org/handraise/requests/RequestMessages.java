package org.handraise.requests;

import org.handraise.shared.Message;
import org.handraise.shared.Code;
import org.handraise.shared.MessageKey;

/**
 * What the help loop says to people: refusals, bad input and unknown requests. The texts
 * are in {@code messages.properties}.
 */
public enum RequestMessages implements MessageKey {

	@Code("refusal.claim.not-mentor")
	CLAIM_NOT_MENTOR,

	@Code("refusal.claim.own")
	CLAIM_OWN,

	@Code("refusal.claim.already-yours")
	CLAIM_ALREADY_YOURS,

	/** {0}: the claimer's name. */
	@Code(value = "refusal.claim.claimed-by", arity = 1)
	CLAIM_CLAIMED_BY,

	/** {0}: the request's state ({@link #state}). */
	@Code(value = "refusal.claim.not-open", arity = 1)
	CLAIM_NOT_OPEN,

	@Code("refusal.release.not-claimer")
	RELEASE_NOT_CLAIMER,

	/** {0}: the request's state. */
	@Code(value = "refusal.release.not-claimed", arity = 1)
	RELEASE_NOT_CLAIMED,

	@Code("refusal.offer.own")
	OFFER_OWN,

	/** {0}: the request's state. */
	@Code(value = "refusal.offer.closed", arity = 1)
	OFFER_CLOSED,

	@Code("refusal.resolve.not-author")
	RESOLVE_NOT_AUTHOR,

	@Code("refusal.cancel.not-author")
	CANCEL_NOT_AUTHOR,

	@Code("refusal.reopen.not-author")
	REOPEN_NOT_AUTHOR,

	@Code("refusal.edit.not-author")
	EDIT_NOT_AUTHOR,

	/** {0}: the request's state. */
	@Code(value = "refusal.already-closed", arity = 1)
	ALREADY_CLOSED,

	/** {0}: the request's state. */
	@Code(value = "refusal.reopen.not-resolved", arity = 1)
	REOPEN_NOT_RESOLVED,

	@Code("refusal.offer.not-yours")
	OFFER_NOT_YOURS,

	@Code("refusal.offer.accepted")
	OFFER_ACCEPTED,

	/** {0}: the request's state. */
	@Code(value = "refusal.offer.change-closed", arity = 1)
	OFFER_CHANGE_CLOSED,

	/** {0}: the offer's id, {1}: the request's id. */
	@Code(value = "not-found.offer", arity = 2)
	OFFER_NOT_FOUND,

	@Code("refusal.concurrent-change")
	CONCURRENT_CHANGE,

	@Code("invalid.accepted-offer")
	NOT_AN_OFFER,

	/** {0}: the request's id. */
	@Code(value = "not-found.request", arity = 1)
	NOT_FOUND,

	@Code("request.state.OPEN")
	STATE_OPEN,

	@Code("request.state.CLAIMED")
	STATE_CLAIMED,

	@Code("request.state.ANSWERED")
	STATE_ANSWERED,

	@Code("request.state.RESOLVED")
	STATE_RESOLVED,

	@Code("request.state.CANCELLED")
	STATE_CANCELLED;

	/**
	 * A status as a word inside a sentence ("this one is resolved"), in the viewer's
	 * language.
	 */
	static Message state(RequestStatus status) {
		return switch (status) {
			case OPEN -> STATE_OPEN.with();
			case CLAIMED -> STATE_CLAIMED.with();
			case ANSWERED -> STATE_ANSWERED.with();
			case RESOLVED -> STATE_RESOLVED.with();
			case CANCELLED -> STATE_CANCELLED.with();
		};
	}

}
