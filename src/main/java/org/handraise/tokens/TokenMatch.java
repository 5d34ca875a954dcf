package org.handraise.tokens;

import java.time.Instant;

import org.handraise.people.Role;

/**
 * One row of the indexed lookup by hash: the token's row, its owner's username and
 * whether the owner is active, and one of the owner's roles (a person with three roles
 * gives three rows).
 */
record TokenMatch(Long id, String username, boolean active, Role role, Instant lastUsedAt, Instant revokedAt,
		Instant expiresAt) {
}
