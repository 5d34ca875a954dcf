package org.handraise.requests;

import java.util.List;

/**
 * What the home page shows the signed-in person of their requests: what happened to their
 * requests and claims since a given time (newest first), their open requests, what they
 * hold, and for mentors what they may take.
 */
public record HomeView(List<RequestNews> news, List<RequestSummary> myOpenRequests, List<RequestSummary> myClaims,
		List<RequestSummary> suggested) {
}
