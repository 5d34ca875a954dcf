package org.handraise.tokens;

import org.handraise.shared.MessageKey;

/**
 * What the API token pages say when a token is refused. The texts are in
 * {@code messages.properties}.
 */
public enum TokenMessages implements MessageKey {

	/** {0}: the longest name. */
	NAME_LENGTH("tokens.refusal.name-length", 1),

	/** {0}: how many active tokens one may hold. */
	TOO_MANY("tokens.refusal.too-many", 1),

	/**
	 * The lifetimes one may choose; the text names them
	 * ({@link AccessTokenService#LIFETIMES_IN_DAYS}).
	 */
	LIFETIME("tokens.refusal.lifetime"),

	/** {0}: the token's id. */
	NOT_FOUND("not-found.token", 1);

	private final String code;

	private final int arity;

	TokenMessages(String code) {
		this(code, 0);
	}

	TokenMessages(String code, int arity) {
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
