package org.handraise.thanks.web;

import org.handraise.thanks.ThanksDraft;

/**
 * The "thank someone" form on the wall.
 */
public class ThanksForm {

	private String to;

	private String message;

	private Long requestId;

	private boolean publicNote = true;

	ThanksDraft toDraft() {
		return new ThanksDraft(this.to, this.message, this.requestId, this.publicNote);
	}

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

	public Long getRequestId() {
		return this.requestId;
	}

	public void setRequestId(Long requestId) {
		this.requestId = requestId;
	}

	public boolean isPublicNote() {
		return this.publicNote;
	}

	public void setPublicNote(boolean publicNote) {
		this.publicNote = publicNote;
	}

}
