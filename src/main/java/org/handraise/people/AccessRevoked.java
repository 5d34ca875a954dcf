package org.handraise.people;

/**
 * Published when a person's existing sign-ins must no longer be trusted: they were
 * deactivated, their password was reset or changed, or their roles changed (a session
 * carries the roles it was signed in with). It is published inside the transaction of
 * that change. Where the cause {@linkplain Cause#distrustsCredentials() distrusts the
 * person's credentials}, the tokens module revokes all their API tokens in that same
 * transaction; the security module ends their sessions once it is committed (all of them,
 * or all but the one the person made the change from themselves).
 */
public record AccessRevoked(String username, Cause cause) {

	public enum Cause {

		DEACTIVATED(true), PASSWORD_RESET(true), PASSWORD_CHANGED(true), ROLES_CHANGED(false);

		private final boolean distrustsCredentials;

		Cause(boolean distrustsCredentials) {
			this.distrustsCredentials = distrustsCredentials;
		}

		/**
		 * Whether whatever the person signs in with besides a session (an API token) must
		 * stop working too: yes for a deactivation and a changed or reset password (the
		 * standard answer to a stolen account); no for a change of roles, which a token
		 * picks up on its next call.
		 */
		public boolean distrustsCredentials() {
			return this.distrustsCredentials;
		}

	}

}
