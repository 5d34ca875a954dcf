package org.handraise.audit;

/**
 * The kinds of security-relevant events the audit log records. The {@code REQUEST_*}
 * kinds are not written to {@code audit_events}: they are the lifecycle transitions that
 * the requests' history already records (actor, from, to, when, in the same transaction
 * as the change), merged into the audit log when it is read ({@link RequestTrail}). All
 * but {@link #REQUEST_EDITED} are named after the status the request moved to; an edit
 * keeps the status.
 */
public enum AuditAction {

	LOGIN_SUCCESS, LOGIN_FAILURE, LOGIN_REFUSED_LOCKED, ACCOUNT_LOCKED, ADDRESS_LOCKED, ACCOUNT_UNLOCKED,
	SESSIONS_ENDED, PASSWORD_CHANGED, PASSWORD_CHANGE_FAILED, PASSWORD_RESET, PERSON_ADDED, PERSON_UPDATED,
	ROLES_CHANGED, PERSON_DEACTIVATED, PERSON_ACTIVATED, TOKEN_CREATED, TOKEN_REVOKED, TOKEN_REFUSED, ACCESS_DENIED,

	REQUEST_OPEN, REQUEST_CLAIMED, REQUEST_ANSWERED, REQUEST_RESOLVED, REQUEST_CANCELLED, REQUEST_EDITED;

	/**
	 * Whether this kind is a request lifecycle transition, read from the requests'
	 * history ({@link RequestTrail}).
	 */
	public boolean isTransition() {
		return name().startsWith("REQUEST_");
	}

}
