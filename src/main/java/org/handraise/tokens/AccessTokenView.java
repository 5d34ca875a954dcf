package org.handraise.tokens;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One token as its owner sees it on the profile page: never the token itself, nor its hash.
 */
public record AccessTokenView(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
		Instant expiresAt) {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public boolean revoked() {
		return this.revokedAt != null;
	}

	public String createdAtUtc() {
		return UTC.format(this.createdAt);
	}

	public String lastUsedAtUtc() {
		return (this.lastUsedAt != null) ? UTC.format(this.lastUsedAt) : null;
	}

	public String revokedAtUtc() {
		return (this.revokedAt != null) ? UTC.format(this.revokedAt) : null;
	}

}
