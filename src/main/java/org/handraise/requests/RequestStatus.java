package org.handraise.requests;

/**
 * Where a help request stands. See {@link HelpRequest} for the transitions.
 */
public enum RequestStatus {

	OPEN, CLAIMED, ANSWERED, RESOLVED, CANCELLED;

	public boolean isClosed() {
		return this == RESOLVED || this == CANCELLED;
	}

}
