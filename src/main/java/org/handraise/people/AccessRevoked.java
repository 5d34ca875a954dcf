package org.handraise.people;

/**
 * Published when a person's existing sign-ins must no longer be trusted: they were deactivated, or their password
 * was reset or changed. It is published inside the transaction of that change. The tokens module revokes all their
 * API tokens in that same transaction; the security module ends their sessions once it is committed (all of them,
 * or all but the one that changed its own password).
 */
public record AccessRevoked(String username, Cause cause) {

	public enum Cause {

		DEACTIVATED, PASSWORD_RESET, PASSWORD_CHANGED

	}

}
