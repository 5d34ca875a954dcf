package org.handraise.requests;

import java.util.List;

/**
 * What the home page shows the signed-in person.
 */
public record HomeView(List<RequestSummary> myOpenRequests, List<RequestSummary> myClaims,
		List<RequestSummary> needsAttention, List<RequestSummary> suggested) {
}
