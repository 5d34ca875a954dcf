package org.handraise.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface AccessTokens extends JpaRepository<AccessToken, Long> {

	/**
	 * One query on the unique index of token_hash, with the owner's username, whether
	 * they are active, and their roles (one row per role): everything a call needs to be
	 * authenticated.
	 */
	@Query("""
			select new org.handraise.tokens.TokenMatch(t.id, p.username, p.active, r, t.lastUsedAt, t.revokedAt,
			t.expiresAt) from AccessToken t join t.owner p left join p.roles r where t.tokenHash = :hash""")
	List<TokenMatch> findMatch(@Param("hash") String hash);

	List<AccessToken> findByPersonIdOrderByCreatedAtDescIdDesc(Long personId);

	Optional<AccessToken> findByIdAndPersonId(Long id, Long personId);

	/** How many of the person's tokens are neither revoked nor expired at {@code now}. */
	@Query("""
			select count(t) from AccessToken t where t.personId = :personId and t.revokedAt is null
			and (t.expiresAt is null or t.expiresAt > :now)""")
	long countActive(@Param("personId") Long personId, @Param("now") Instant now);

	/** The person's tokens that are not revoked (expired ones included), oldest first. */
	List<AccessToken> findByPersonIdAndRevokedAtIsNullOrderByIdAsc(Long personId);

	/**
	 * Marks the token used, unless someone else did so since {@code staleBefore}: at most
	 * one write a minute.
	 */
	@Modifying
	@Transactional
	@Query("""
			update AccessToken t set t.lastUsedAt = :now where t.id = :id
			and (t.lastUsedAt is null or t.lastUsedAt < :staleBefore)""")
	int touch(@Param("id") Long id, @Param("now") Instant now, @Param("staleBefore") Instant staleBefore);

}
