package org.handraise.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests for an event stream (the live updates' {@code /notifications/stream}, or
 * anything asked for with {@code Accept: text/event-stream}, as {@code EventSource}
 * does): a script reads the answer, not a person.
 */
final class SseRequests {

	private SseRequests() {
	}

	static boolean is(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return "/notifications/stream".equals(request.getServletPath())
				|| (accept != null && accept.contains("text/event-stream"));
	}

}
