package org.handraise.security;

import org.handraise.shared.MessageKey;

/**
 * What signing in and the profile page say to people. The texts are in
 * {@code messages.properties}.
 */
public enum SecurityMessages implements MessageKey {

	UNAUTHORIZED("problem.unauthorized"),

	INVALID_TOKEN("problem.invalid-token"),

	CROSS_SITE("problem.cross-site"),

	PASSWORD_CHANGE_REQUIRED("problem.password-change-required"),

	LOCKED("profile.password.locked"),

	PASSWORD_MISMATCH("profile.password.mismatch"),

	/** {0}: why, as a message. */
	TOKEN_REFUSED("profile.tokens.refused", 1);

	private final String code;

	private final int arity;

	SecurityMessages(String code) {
		this(code, 0);
	}

	SecurityMessages(String code, int arity) {
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
