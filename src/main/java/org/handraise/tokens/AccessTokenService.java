package org.handraise.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.handraise.audit.AuditAction;
import org.handraise.audit.AuditLog;
import org.handraise.people.AccessRevoked;
import org.handraise.people.PeopleService;
import org.handraise.people.Role;
import org.handraise.shared.InvalidInputException;
import org.handraise.shared.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the API. A token is 32 random bytes, base64url, after
 * {@value #PREFIX}; it is shown once, when made, and only its SHA-256 hash is kept.
 * Checking a token is one indexed lookup by that hash (no password hash), plus a write of
 * "last used" at most once a minute per token. Every token expires: its owner chooses 30,
 * 90 (the default) or 365 days when making it. All of a person's tokens are revoked when
 * their password is changed or reset, or when they are deactivated, and stay revoked when
 * they are activated again. Making and revoking a token go into the audit log (its id and
 * name: never the token, nor its hash).
 */
@Service
public class AccessTokenService {

	/**
	 * Every token starts with this, so that a leaked one is easy to recognise (and to
	 * scan for).
	 */
	public static final String PREFIX = "hr_";

	static final int MAX_NAME_LENGTH = 60;

	/** Active (neither revoked nor expired) tokens one person may hold at a time. */
	static final int MAX_ACTIVE_TOKENS = 20;

	/**
	 * The lifetimes one may choose for a new token, in days. There is no "never expires":
	 * a token lives in scripts, CI settings and shell histories, where it is easily
	 * forgotten and leaked, and one that never expires works for whoever finds it until
	 * someone notices; a year is the longest, and a new token is quickly made.
	 */
	public static final List<Integer> LIFETIMES_IN_DAYS = List.of(30, 90, 365);

	/** The lifetime of a new token when none is chosen, in days. */
	public static final int DEFAULT_LIFETIME_IN_DAYS = 90;

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

	/**
	 * Makes a token for {@code username} that expires in {@code lifetimeInDays} (one of
	 * {@link #LIFETIMES_IN_DAYS}; null: {@value #DEFAULT_LIFETIME_IN_DAYS}): the result
	 * carries the token itself, which is never stored.
	 */
	@Transactional
	public CreatedAccessToken create(String username, String name, Integer lifetimeInDays) {
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH
				|| trimmed.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			throw InvalidInputException.of("name", TokenMessages.NAME_LENGTH.with(MAX_NAME_LENGTH));
		}
		int days = (lifetimeInDays != null) ? lifetimeInDays : DEFAULT_LIFETIME_IN_DAYS;
		if (!LIFETIMES_IN_DAYS.contains(days)) {
			throw InvalidInputException.of("expiresInDays", TokenMessages.LIFETIME.with());
		}
		Long personId = this.people.byUsername(username).getId();
		// as the database keeps it, so that the audit log and the table say the same
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (this.tokens.countActive(personId, now) >= MAX_ACTIVE_TOKENS) {
			throw InvalidInputException.of("name", TokenMessages.TOO_MANY.with(MAX_ACTIVE_TOKENS));
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		AccessToken saved = this.tokens
			.save(new AccessToken(personId, trimmed, hash(token), now, now.plus(Duration.ofDays(days))));
		this.audit.record(AuditAction.TOKEN_CREATED, username, describe(saved.view(now)));
		return new CreatedAccessToken(saved.view(now), token);
	}

	/** The person's tokens, newest first, revoked and expired ones included. */
	@Transactional(readOnly = true)
	public List<AccessTokenView> list(String username) {
		Long personId = this.people.byUsername(username).getId();
		Instant now = this.clock.instant();
		return this.tokens.findByPersonIdOrderByCreatedAtDescIdDesc(personId)
			.stream()
			.map((token) -> token.view(now))
			.toList();
	}

	/**
	 * Revokes one of the person's own tokens; someone else's token is as good as missing
	 * (404). Revoking a revoked token changes nothing and is not recorded again.
	 */
	@Transactional
	public AccessTokenView revoke(String username, long tokenId) {
		Long personId = this.people.byUsername(username).getId();
		AccessToken token = this.tokens.findByIdAndPersonId(tokenId, personId)
			.orElseThrow(() -> new NotFoundException(TokenMessages.NOT_FOUND.with(tokenId)));
		Instant now = this.clock.instant();
		if (token.revoke(now)) {
			this.audit.record(AuditAction.TOKEN_REVOKED, username, describe(token.view(now)));
		}
		return token.view(now);
	}

	/**
	 * Revokes every token of a person whose credentials are no longer trusted (password
	 * changed or reset, deactivated; not a change of roles, which tokens pick up on their
	 * next call), so that a token an attacker made or copied stops working too, and stays
	 * revoked if the person is activated again. One audit entry per token revoked, with
	 * the cause.
	 * <p>
	 * A plain {@link EventListener}, not a {@code @TransactionalEventListener}: it runs
	 * synchronously in the transaction of the change that publishes the event, so that
	 * the change and the revocation commit together or not at all. A password change that
	 * rolls back revokes nothing; a revocation that fails rolls the change back (after
	 * commit, a failure here would leave the new password in place and the tokens
	 * working, and the writes would need a transaction of their own).
	 */
	@EventListener
	@Transactional
	void on(AccessRevoked event) {
		if (!event.cause().distrustsCredentials()) {
			return;
		}
		Long personId = this.people.byUsername(event.username()).getId();
		Instant now = this.clock.instant();
		String cause = event.cause().name().toLowerCase(Locale.ROOT);
		for (AccessToken token : this.tokens.findByPersonIdAndRevokedAtIsNullOrderByIdAsc(personId)) {
			if (token.revoke(now)) {
				this.audit.record(AuditAction.TOKEN_REVOKED, event.username(),
						describe(token.view(now)) + ", " + cause);
			}
		}
	}

	/**
	 * What the audit log says about a token: its id and name, never the token nor its
	 * hash.
	 */
	private static String describe(AccessTokenView token) {
		return "token " + token.id() + " \"" + token.name() + "\""
				+ ((token.expiresAt() != null) ? ", expires " + token.expiresAt() : "");
	}

	/**
	 * Who a presented token belongs to, if it is one of ours, not revoked, not expired,
	 * and its owner is active: one indexed query, which also brings the owner's roles
	 * (and a write of "last used" at most once a minute).
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
