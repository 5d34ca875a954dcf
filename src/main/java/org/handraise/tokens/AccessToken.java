package org.handraise.tokens;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.handraise.people.Person;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A personal access token of one person: a name they chose and the SHA-256 hash of the
 * token, never the token. Tokens made by Handraise always expire; a token without
 * {@code expiresAt} is one made before tokens did.
 */
@Entity
@Table(name = "access_tokens")
class AccessToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "person_id", nullable = false, updatable = false)
	private Long personId;

	/**
	 * The owner, read only, on the same column as {@link #personId}: {@link Person} is
	 * the shared reference entity (see the people module), so the lookup by hash reads
	 * the owner's username, state and roles in the same statement as the token. Never
	 * loaded otherwise, never written.
	 */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "person_id", insertable = false, updatable = false)
	private Person owner;

	@Column(nullable = false, length = 60)
	private String name;

	@Column(name = "token_hash", nullable = false, updatable = false, length = 64)
	@JdbcTypeCode(SqlTypes.CHAR)
	private String tokenHash;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	protected AccessToken() {
	}

	AccessToken(Long personId, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
		this.personId = personId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	Long getId() {
		return this.id;
	}

	Long getPersonId() {
		return this.personId;
	}

	/** Revokes the token; false when it was revoked already (and stays as it was). */
	boolean revoke(Instant now) {
		if (this.revokedAt != null) {
			return false;
		}
		this.revokedAt = now;
		return true;
	}

	/** Revoked, else expired (at or after {@code expiresAt}), else active. */
	AccessTokenView.State state(Instant now) {
		if (this.revokedAt != null) {
			return AccessTokenView.State.REVOKED;
		}
		if (this.expiresAt != null && !this.expiresAt.isAfter(now)) {
			return AccessTokenView.State.EXPIRED;
		}
		return AccessTokenView.State.ACTIVE;
	}

	AccessTokenView view(Instant now) {
		return new AccessTokenView(this.id, this.name, this.createdAt, this.lastUsedAt, this.revokedAt, this.expiresAt,
				state(now));
	}

}
