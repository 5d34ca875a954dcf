package org.handraise.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token was sent but is no good: unknown, revoked, expired, or its owner is
 * deactivated. Answered with {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC
 * 6750, section 3.1) instead of the Basic challenge.
 */
class InvalidAccessTokenException extends AuthenticationException {

	InvalidAccessTokenException() {
		super("Invalid access token");
	}

}
