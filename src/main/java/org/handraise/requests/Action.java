package org.handraise.requests;

/**
 * What a person can do to a help request.
 */
public enum Action {

	CLAIM, RELEASE, OFFER, RESOLVE, CANCEL, REOPEN, EDIT

}
