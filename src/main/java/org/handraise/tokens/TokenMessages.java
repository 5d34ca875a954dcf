package org.handraise.tokens;

import org.handraise.shared.Code;
import org.handraise.shared.MessageKey;

/**
 * What the API token pages say when a token is refused. The texts are in
 * {@code messages.properties}.
 */
public enum TokenMessages implements MessageKey {

	/** {0}: the longest name. */
	@Code(value = "tokens.refusal.name-length", arity = 1)
	NAME_LENGTH,

	/** {0}: how many active tokens one may hold. */
	@Code(value = "tokens.refusal.too-many", arity = 1)
	TOO_MANY,

	/**
	 * The lifetimes one may choose; the text names them
	 * ({@link AccessTokenService#LIFETIMES_IN_DAYS}).
	 */
	@Code("tokens.refusal.lifetime")
	LIFETIME,

	/** {0}: the token's id. */
	@Code(value = "not-found.token", arity = 1)
	NOT_FOUND;

}
