package org.handraise.requests;

/**
 * What the request list is narrowed to and how it is sorted. Every field is optional.
 */
public record RequestFilter(RequestStatus status, String topic, boolean mine, boolean claimedByMe, boolean unanswered,
		String query, Sort sort) {

	public enum Sort {

		NEWEST, OLDEST, URGENCY, UPDATED

	}

	public RequestFilter {
		sort = (sort != null) ? sort : Sort.NEWEST;
		topic = clean(topic);
		topic = (topic != null) ? topic.toLowerCase(java.util.Locale.ROOT) : null;
		query = clean(query);
	}

	/**
	 * Search text without control characters (nobody types them; PostgreSQL refuses NUL),
	 * or null if blank.
	 */
	private static String clean(String text) {
		if (text == null) {
			return null;
		}
		String cleaned = text.replaceAll("[\\p{Cntrl}&&[^\\t\\n\\r]]", "").strip();
		return cleaned.isEmpty() ? null : cleaned;
	}

	public static RequestFilter none() {
		return new RequestFilter(null, null, false, false, false, null, Sort.NEWEST);
	}

}
