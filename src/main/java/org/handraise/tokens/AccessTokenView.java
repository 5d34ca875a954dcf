package org.handraise.tokens;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One token as its owner sees it on the profile page: never the token itself, nor its
 * hash. {@code state} is as of the moment the view was made.
 */
public record AccessTokenView(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
		Instant expiresAt, State state) {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** Whether a token signs anyone in: only an active one does. */
	public enum State {

		ACTIVE, EXPIRED, REVOKED

	}

	public boolean revoked() {
		return this.state == State.REVOKED;
	}

	public boolean expired() {
		return this.state == State.EXPIRED;
	}

	public String createdAtUtc() {
		return UTC.format(this.createdAt);
	}

	public String lastUsedAtUtc() {
		return (this.lastUsedAt != null) ? UTC.format(this.lastUsedAt) : null;
	}

	public String expiresAtUtc() {
		return (this.expiresAt != null) ? UTC.format(this.expiresAt) : null;
	}

	public String revokedAtUtc() {
		return (this.revokedAt != null) ? UTC.format(this.revokedAt) : null;
	}

}
