package org.handraise.requests.web;

/**
 * The "say thanks" form on a request's page: to whom of its helpers, the note, and
 * whether it goes on the wall too (by default it does). The request is the page's own.
 */
public class RequestThanksForm {

	private String to;

	private String message;

	private boolean publicNote = true;

	public String getTo() {
		return this.to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public String getMessage() {
		return this.message;
	}

	public void setMessage(String message) {
		this.message = message;
	}

	public boolean isPublicNote() {
		return this.publicNote;
	}

	public void setPublicNote(boolean publicNote) {
		this.publicNote = publicNote;
	}

}
