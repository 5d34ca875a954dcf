package org.handraise.requests.web;

/**
 * The "reopen" form on a resolved request's page: why the person who asked reopens it.
 */
public class ReopenForm {

	private String reason;

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
