package org.handraise.requests.web;

import java.util.Arrays;
import java.util.List;

import org.handraise.requests.RequestDraft;
import org.handraise.requests.RequestView;

/**
 * The "ask for help" form, also the form that edits a request (where the anonymous flag
 * stays as it was). Topics are typed comma-separated. {@code reviewed} (a hidden field)
 * carries the {@link org.handraise.requests.RequestCoach#fingerprint fingerprint} of the
 * draft whose tips were last shown, alone or next to field errors: that same draft,
 * submitted again, is posted as it is; a changed one is reviewed again.
 */
public class RequestForm {

	private String title;

	private String details;

	private String triedSoFar;

	private String topics;

	private String urgency = "NORMAL";

	private boolean anonymous;

	private String reviewed;

	/** The form filled in with a request as it stands, for its author to edit. */
	static RequestForm of(RequestView request) {
		RequestForm form = new RequestForm();
		form.setTitle(request.title());
		form.setDetails(request.details());
		form.setTriedSoFar(request.triedSoFar());
		form.setTopics(String.join(", ", request.topics()));
		form.setUrgency(request.urgency().name());
		form.setAnonymous(request.anonymous());
		return form;
	}

	RequestDraft toDraft() {
		List<String> topicList = (this.topics == null || this.topics.isBlank()) ? List.of()
				: Arrays.stream(this.topics.split(",")).map(String::strip).filter((t) -> !t.isEmpty()).toList();
		String urgencyValue = (this.urgency == null || this.urgency.isBlank()) ? null : this.urgency;
		return new RequestDraft(this.title, this.details, this.triedSoFar, topicList, urgencyValue, this.anonymous);
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDetails() {
		return this.details;
	}

	public void setDetails(String details) {
		this.details = details;
	}

	public String getTriedSoFar() {
		return this.triedSoFar;
	}

	public void setTriedSoFar(String triedSoFar) {
		this.triedSoFar = triedSoFar;
	}

	public String getTopics() {
		return this.topics;
	}

	public void setTopics(String topics) {
		this.topics = topics;
	}

	public String getUrgency() {
		return this.urgency;
	}

	public void setUrgency(String urgency) {
		this.urgency = urgency;
	}

	public boolean isAnonymous() {
		return this.anonymous;
	}

	public void setAnonymous(boolean anonymous) {
		this.anonymous = anonymous;
	}

	public String getReviewed() {
		return this.reviewed;
	}

	public void setReviewed(String reviewed) {
		this.reviewed = reviewed;
	}

}
