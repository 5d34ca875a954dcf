package org.handraise.security;

import org.handraise.shared.Code;
import org.handraise.shared.MessageKey;

/**
 * What signing in and the profile page say to people. The texts are in
 * {@code messages.properties}.
 */
public enum SecurityMessages implements MessageKey {

	@Code("problem.unauthorized")
	UNAUTHORIZED,

	@Code("problem.invalid-token")
	INVALID_TOKEN,

	@Code("problem.cross-site")
	CROSS_SITE,

	@Code("problem.password-change-required")
	PASSWORD_CHANGE_REQUIRED,

	@Code("profile.password.locked")
	LOCKED,

	@Code("profile.password.mismatch")
	PASSWORD_MISMATCH,

	/** {0}: why, as a message. */
	@Code(value = "profile.tokens.refused", arity = 1)
	TOKEN_REFUSED;

}
