package org.handraise.requests;

/**
 * What the request list is narrowed to and how it is sorted. Every field is optional.
 */
public record RequestFilter(RequestStatus status, String topic, boolean mine, boolean claimedByMe,
		boolean unanswered, String query, Sort sort) {

	public enum Sort {

		NEWEST, OLDEST, URGENCY, UPDATED

	}

	public RequestFilter {
		sort = (sort != null) ? sort : Sort.NEWEST;
		topic = (topic != null && !topic.isBlank()) ? topic.strip().toLowerCase(java.util.Locale.ROOT) : null;
		query = (query != null && !query.isBlank()) ? query.strip() : null;
	}

	public static RequestFilter none() {
		return new RequestFilter(null, null, false, false, false, null, Sort.NEWEST);
	}

}
