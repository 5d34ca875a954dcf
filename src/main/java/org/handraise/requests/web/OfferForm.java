package org.handraise.requests.web;

/**
 * The "offer help" form on a request's page.
 */
public class OfferForm {

	private String message;

	public String getMessage() {
		return this.message;
	}

	public void setMessage(String message) {
		this.message = message;
	}

}
