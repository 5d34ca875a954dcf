package org.handraise.tokens;

import java.time.Instant;

/** What one indexed lookup by hash tells about a presented token: its row and its owner's username. */
record TokenMatch(Long id, String username, Instant lastUsedAt, Instant revokedAt, Instant expiresAt) {
}
