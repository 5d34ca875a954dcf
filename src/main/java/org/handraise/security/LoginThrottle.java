package org.handraise.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per account name, counted in the database so that every instance sees the same count: after
 * {@code max-failures} failures within {@code window}, the name is locked for {@code duration}, and every attempt
 * for it is refused, with the right password too. Names that belong to nobody are counted the same way, so a
 * lock tells nothing about whether an account exists. A successful sign-in clears the count.
 */
@Component
class LoginThrottle {

	/** What the table says about one name right now. */
	enum State {

		/** No failures on record. */
		CLEAR,
		/** Some failures, not (or no longer) locked. */
		COUNTING,
		/** Locked: refuse without looking at the password. */
		LOCKED

	}

	private static final String FRESH = "(window_start <= :floor or (locked_until is not null and locked_until <= :now))";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final SecuritySettings.Lockout settings;

	LoginThrottle(NamedParameterJdbcTemplate jdbc, Clock clock, SecuritySettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings.lockout();
	}

	State state(String username) {
		List<OffsetDateTime> lockedUntil = this.jdbc.query(
				"select locked_until from login_throttle where username = :key", Map.of("key", key(username)),
				(rs, i) -> rs.getObject(1, OffsetDateTime.class));
		if (lockedUntil.isEmpty()) {
			return State.CLEAR;
		}
		OffsetDateTime until = lockedUntil.get(0);
		return (until != null && until.toInstant().isAfter(this.clock.instant())) ? State.LOCKED : State.COUNTING;
	}

	/**
	 * Counts one failed sign-in for this name; true when this failure locked it. Atomic across instances: one
	 * UPDATE that reads and writes the row, or the INSERT of a first failure (and the UPDATE again if another
	 * instance inserted it first).
	 */
	boolean recordFailure(String username) {
		Instant now = this.clock.instant();
		Map<String, Object> params = Map.of("key", key(username), "now", utc(now), "floor",
				utc(now.minus(this.settings.window())), "until", utc(now.plus(this.settings.duration())), "max",
				this.settings.maxFailures());
		this.jdbc.update("delete from login_throttle where window_start <= :floor"
				+ " and (locked_until is null or locked_until <= :now) and username <> :key", params);
		if (update(params) == 0) {
			try {
				this.jdbc.update("insert into login_throttle (username, failures, window_start, locked_until)"
						+ " values (:key, 1, :now, case when 1 >= :max then :until end)", params);
			}
			catch (DuplicateKeyException ex) {
				update(params);
			}
		}
		Integer failures = this.jdbc.queryForObject(
				"select failures from login_throttle where username = :key", params, Integer.class);
		return failures != null && failures == this.settings.maxFailures();
	}

	private int update(Map<String, Object> params) {
		return this.jdbc.update("update login_throttle set"
				+ " failures = case when " + FRESH + " then 1 else failures + 1 end,"
				+ " window_start = case when " + FRESH + " then :now else window_start end,"
				+ " locked_until = case when (case when " + FRESH + " then 1 else failures + 1 end) >= :max then :until"
				+ " when " + FRESH + " then null else locked_until end"
				+ " where username = :key", params);
	}

	/** Forgets the failures of this name, after it signed in successfully. */
	void recordSuccess(String username) {
		this.jdbc.update("delete from login_throttle where username = :key", Map.of("key", key(username)));
	}

	/**
	 * What the table stores for a name: the name itself when it is plain and short, otherwise a hash of it (so
	 * that no control character, NUL or endless string reaches the database).
	 */
	static String key(String username) {
		String name = (username != null) ? username : "";
		boolean plain = name.length() <= 60
				&& name.chars().noneMatch((c) -> c < 0x20 || c == 0x7f || Character.isSurrogate((char) c));
		return plain ? name : "#" + sha256(name);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
