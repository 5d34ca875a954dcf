package org.handraise.requests;

import java.time.Instant;
import java.util.List;

import org.handraise.people.PersonRef;

/**
 * A request in a list: everything but its offers and history. {@code author} is null for
 * anonymous requests unless the viewer wrote it ({@code mine}).
 */
public record RequestSummary(Long id, String title, String details, String triedSoFar, List<String> topics,
		Urgency urgency, boolean anonymous, RequestStatus status, PersonRef author, PersonRef claimedBy,
		Instant createdAt, Instant claimedAt, Instant firstResponseAt, Instant resolvedAt, Instant updatedAt,
		int offerCount, boolean mine, boolean matchesSkills) {
}
