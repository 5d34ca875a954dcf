package org.handraise.requests;

import java.util.List;
import java.util.Map;

/**
 * What the home page shows the signed-in person of their requests: what happened to their
 * requests and claims since a given time (newest first), their open requests, what they
 * hold, for mentors what they may take, and the headlines the caller asked for by request
 * id.
 */
public record HomeView(List<RequestNews> news, List<RequestSummary> myOpenRequests, List<RequestSummary> myClaims,
		List<RequestSummary> suggested, Map<Long, RequestHeadline> headlines) {
}
