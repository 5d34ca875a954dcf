package org.handraise.people;

/**
 * Published when a person's existing sign-ins must no longer be trusted: they were deactivated, their password
 * was reset or changed, or their roles changed (a session carries the roles it was signed in with). The security
 * module ends their sessions (all of them, or all but the one the person made the change from themselves).
 */
public record AccessRevoked(String username, Cause cause) {

	public enum Cause {

		DEACTIVATED, PASSWORD_RESET, PASSWORD_CHANGED, ROLES_CHANGED

	}

}
