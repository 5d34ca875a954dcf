package org.handraise.thanks;

import org.handraise.shared.MessageKey;

/**
 * What sending thanks says to people when it is refused. The texts are in
 * {@code messages.properties}.
 */
public enum ThanksMessages implements MessageKey {

	THANK_YOURSELF("thanks.refusal.yourself"),

	/** {0}: the name as typed. */
	NOBODY_CALLED("thanks.refusal.nobody-called", 1),

	/** {0}: the display name of the person to thank, whose account is deactivated. */
	NOT_ACTIVE("thanks.refusal.not-active", 1),

	NOT_THE_AUTHOR("thanks.refusal.not-author"),

	/** {0}: the display name of the person to thank. */
	NOT_A_HELPER("thanks.refusal.not-a-helper", 1),

	/** {0}: the note's id. */
	NOT_FOUND("not-found.thanks", 1);

	private final String code;

	private final int arity;

	ThanksMessages(String code) {
		this(code, 0);
	}

	ThanksMessages(String code, int arity) {
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

}
