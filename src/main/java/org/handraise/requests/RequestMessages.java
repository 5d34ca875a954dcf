package org.handraise.requests;

import org.handraise.shared.Message;
import org.handraise.shared.MessageKey;

/**
 * What the help loop says to people: refusals, bad input and unknown requests. The texts
 * are in {@code messages.properties}.
 */
public enum RequestMessages implements MessageKey {

	CLAIM_NOT_MENTOR("refusal.claim.not-mentor"),

	CLAIM_OWN("refusal.claim.own"),

	CLAIM_ALREADY_YOURS("refusal.claim.already-yours"),

	/** {0}: the claimer's name. */
	CLAIM_CLAIMED_BY("refusal.claim.claimed-by", 1),

	/** {0}: the request's state ({@link #state}). */
	CLAIM_NOT_OPEN("refusal.claim.not-open", 1),

	RELEASE_NOT_CLAIMER("refusal.release.not-claimer"),

	/** {0}: the request's state. */
	RELEASE_NOT_CLAIMED("refusal.release.not-claimed", 1),

	OFFER_OWN("refusal.offer.own"),

	/** {0}: the request's state. */
	OFFER_CLOSED("refusal.offer.closed", 1),

	RESOLVE_NOT_AUTHOR("refusal.resolve.not-author"),

	CANCEL_NOT_AUTHOR("refusal.cancel.not-author"),

	REOPEN_NOT_AUTHOR("refusal.reopen.not-author"),

	EDIT_NOT_AUTHOR("refusal.edit.not-author"),

	/** {0}: the request's state. */
	ALREADY_CLOSED("refusal.already-closed", 1),

	/** {0}: the request's state. */
	REOPEN_NOT_RESOLVED("refusal.reopen.not-resolved", 1),

	OFFER_NOT_YOURS("refusal.offer.not-yours"),

	OFFER_ACCEPTED("refusal.offer.accepted"),

	/** {0}: the request's state. */
	OFFER_CHANGE_CLOSED("refusal.offer.change-closed", 1),

	/** {0}: the offer's id, {1}: the request's id. */
	OFFER_NOT_FOUND("not-found.offer", 2),

	CONCURRENT_CHANGE("refusal.concurrent-change"),

	NOT_AN_OFFER("invalid.accepted-offer"),

	/** {0}: the request's id. */
	NOT_FOUND("not-found.request", 1),

	STATE_OPEN("request.state.OPEN"),

	STATE_CLAIMED("request.state.CLAIMED"),

	STATE_ANSWERED("request.state.ANSWERED"),

	STATE_RESOLVED("request.state.RESOLVED"),

	STATE_CANCELLED("request.state.CANCELLED");

	private final String code;

	private final int arity;

	RequestMessages(String code) {
		this(code, 0);
	}

	RequestMessages(String code, int arity) {
		this.code = code;
		this.arity = arity;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public int arity() {
		return this.arity;
	}

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
