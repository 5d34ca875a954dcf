package org.handraise.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.handraise.audit.AuditAction;
import org.handraise.audit.AuditLog;
import org.handraise.people.PeopleService;
import org.handraise.people.Role;
import org.handraise.shared.InvalidInputException;
import org.handraise.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the API. A token is 32 random bytes, base64url, after {@value #PREFIX}; it is shown
 * once, when made, and only its SHA-256 hash is kept. Checking a token is one indexed lookup by that hash (no
 * password hash), plus a write of "last used" at most once a minute per token. Making and revoking a token go into
 * the audit log (its id and name: never the token, nor its hash).
 */
@Service
public class AccessTokenService {

	/** Every token starts with this, so that a leaked one is easy to recognise (and to scan for). */
	public static final String PREFIX = "hr_";

	static final int MAX_NAME_LENGTH = 60;

	/** Active (not revoked) tokens one person may hold at a time. */
	static final int MAX_ACTIVE_TOKENS = 20;

	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccessTokens tokens;

	private final PeopleService people;

	private final Clock clock;

	private final AuditLog audit;

	AccessTokenService(AccessTokens tokens, PeopleService people, Clock clock, AuditLog audit) {
		this.tokens = tokens;
		this.people = people;
		this.clock = clock;
		this.audit = audit;
	}

	/** Makes a token for {@code username}: the result carries the token itself, which is never stored. */
	@Transactional
	public CreatedAccessToken create(String username, String name, Instant expiresAt) {
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH
				|| trimmed.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			throw InvalidInputException.of("name", TokenMessages.NAME_LENGTH.with(MAX_NAME_LENGTH));
		}
		Long personId = this.people.byUsername(username).getId();
		if (this.tokens.countActive(personId) >= MAX_ACTIVE_TOKENS) {
			throw InvalidInputException.of("name", TokenMessages.TOO_MANY.with(MAX_ACTIVE_TOKENS));
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		AccessToken saved = this.tokens
			.save(new AccessToken(personId, trimmed, hash(token), this.clock.instant(), expiresAt));
		this.audit.record(AuditAction.TOKEN_CREATED, username, describe(saved.view()));
		return new CreatedAccessToken(saved.view(), token);
	}

	/** The person's tokens, newest first, revoked ones included. */
	@Transactional(readOnly = true)
	public List<AccessTokenView> list(String username) {
		Long personId = this.people.byUsername(username).getId();
		return this.tokens.findByPersonIdOrderByCreatedAtDescIdDesc(personId).stream().map(AccessToken::view).toList();
	}

	/**
	 * Revokes one of the person's own tokens; someone else's token is as good as missing (404). Revoking a
	 * revoked token changes nothing and is not recorded again.
	 */
	@Transactional
	public AccessTokenView revoke(String username, long tokenId) {
		Long personId = this.people.byUsername(username).getId();
		AccessToken token = this.tokens.findByIdAndPersonId(tokenId, personId)
			.orElseThrow(() -> new NotFoundException(TokenMessages.NOT_FOUND.with(tokenId)));
		if (token.revoke(this.clock.instant())) {
			this.audit.record(AuditAction.TOKEN_REVOKED, username, describe(token.view()));
		}
		return token.view();
	}

	/** What the audit log says about a token: its id and name, never the token nor its hash. */
	private static String describe(AccessTokenView token) {
		return "token " + token.id() + " \"" + token.name() + "\""
				+ ((token.expiresAt() != null) ? ", expires " + token.expiresAt() : "");
	}

	/**
	 * Who a presented token belongs to, if it is one of ours, not revoked, not expired, and its owner is active: one
	 * indexed query, which also brings the owner's roles (and a write of "last used" at most once a minute).
	 */
	@Transactional
	public Optional<TokenOwner> authenticate(String presented) {
		if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		List<TokenMatch> rows = this.tokens.findMatch(hash(presented));
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		TokenMatch token = rows.get(0);
		if (!token.active() || token.revokedAt() != null
				|| (token.expiresAt() != null && !token.expiresAt().isAfter(now))) {
			return Optional.empty();
		}
		Instant staleBefore = now.minus(TOUCH_INTERVAL);
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(staleBefore)) {
			this.tokens.touch(token.id(), now, staleBefore);
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		rows.stream().map(TokenMatch::role).filter(Objects::nonNull).forEach(roles::add);
		return Optional.of(new TokenOwner(token.username(), roles));
	}

	/** SHA-256 of the token, as 64 lowercase hex digits: what the table keeps. */
	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
