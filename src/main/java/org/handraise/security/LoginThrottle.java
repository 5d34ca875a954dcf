package org.handraise.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
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

import org.handraise.people.SignInUnlocked;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted in the database so that every instance sees the same count,
 * twice over:
 * <ul>
 * <li>per account name: after {@code lockout.max-failures} failures within
 * {@code lockout.window}, the name is locked for {@code lockout.duration}, and every
 * attempt for it is refused, with the right password too. Names that belong to nobody are
 * counted the same way, so a lock tells nothing about whether an account exists. A
 * successful sign-in, or an administrator's unlock, clears the count.</li>
 * <li>per client address (as the servlet container reports it, which trusts
 * {@code X-Forwarded-For} from trusted proxies only; an IPv6 address counts for its /64
 * network): after {@code address-lockout.max-failures} failures within its window, every
 * sign-in from that address is refused for its duration, whatever the account name,
 * before any password is checked. So one address cannot keep more than a few accounts
 * locked, and its refused attempts count against no account. A success does not clear
 * this count.</li>
 * </ul>
 */
@Component
class LoginThrottle {

	/** What the table says about one name or address right now. */
	enum State {

		/** No failures on record. */
		CLEAR,
		/** Some failures, not (or no longer) locked. */
		COUNTING,
		/** Locked: refuse without looking at the password. */
		LOCKED

	}

	private final Counter accounts;

	private final Counter addresses;

	LoginThrottle(NamedParameterJdbcTemplate jdbc, Clock clock, SecuritySettings settings) {
		this.accounts = new Counter(jdbc, clock, "login_throttle", "username", settings.lockout());
		this.addresses = new Counter(jdbc, clock, "login_throttle_address", "address",
				settings.addressLockout().asLockout());
	}

	State state(String username) {
		return this.accounts.state(key(username));
	}

	/**
	 * Counts one failed sign-in for this name; true when this failure locked it. Atomic
	 * across instances: one UPDATE that reads and writes the row, or the INSERT of a
	 * first failure (and the UPDATE again if another instance inserted it first).
	 */
	boolean recordFailure(String username) {
		return this.accounts.recordFailure(key(username));
	}

	/**
	 * Forgets the failures of this name, after it signed in successfully or an
	 * administrator unlocked it.
	 */
	void recordSuccess(String username) {
		this.accounts.clear(key(username));
	}

	/** An administrator unlocked the account: its failures and any lock are gone. */
	@EventListener
	void on(SignInUnlocked event) {
		recordSuccess(event.username());
	}

	State addressState(String address) {
		return this.addresses.state(addressKey(address));
	}

	/**
	 * Counts one failed sign-in from this client address; true when this failure locked
	 * the address.
	 */
	boolean recordAddressFailure(String address) {
		return this.addresses.recordFailure(addressKey(address));
	}

	/**
	 * What the table stores for a name: the name itself when it is plain and short,
	 * otherwise a hash of it (so that no control character, NUL or endless string reaches
	 * the database).
	 */
	static String key(String username) {
		String name = (username != null) ? username : "";
		boolean plain = name.length() <= 60
				&& name.chars().noneMatch((c) -> c < 0x20 || c == 0x7f || Character.isSurrogate((char) c));
		return plain ? name : "#" + sha256(name);
	}

	/**
	 * What the table stores for a client address: an IPv4 address as it is, an IPv6
	 * address as its /64 network (one subscriber usually has a whole /64 to pick
	 * addresses from), anything else as {@link #key}.
	 */
	static String addressKey(String address) {
		if (address != null && address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.%]+")) {
			try {
				byte[] bytes = InetAddress.getByName(address).getAddress();
				if (bytes.length == 4) {
					return InetAddress.getByAddress(bytes).getHostAddress();
				}
				StringBuilder network = new StringBuilder();
				for (int i = 0; i < 8; i += 2) {
					network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
				}
				return network.append(":/64").toString();
			}
			catch (UnknownHostException ex) {
				// not an address after all: counted by its text
			}
		}
		return key(address);
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

	/**
	 * Failures per key in one table: a window of {@code max-failures}, then a lock of
	 * {@code duration}.
	 */
	private static final class Counter {

		/** Whether the row's window is over or its lock has run out: it starts afresh. */
		private static final String FRESH = """
				(window_start <= :floor or (locked_until is not null and locked_until <= :now))""";

		/**
		 * Other keys' rows whose window is over and that are not locked (table, key
		 * column).
		 */
		private static final String DELETE_STALE = """
				delete from %s where window_start <= :floor
				and (locked_until is null or locked_until <= :now) and %s <> :key""";

		/** The first failure of a key (table, key column). */
		private static final String INSERT = """
				insert into %s (%s, failures, window_start, locked_until)
				values (:key, 1, :now, case when 1 >= :max then :until end)""";

		/** One more failure of a key (table, key column, {@link #FRESH}). */
		private static final String UPDATE = """
				update %1$s set
				failures = case when %3$s then 1 else failures + 1 end,
				window_start = case when %3$s then :now else window_start end,
				locked_until = case when (case when %3$s then 1 else failures + 1 end) >= :max
				then :until when %3$s then null else locked_until end
				where %2$s = :key""";

		private final NamedParameterJdbcTemplate jdbc;

		private final Clock clock;

		private final SecuritySettings.Lockout settings;

		private final String table;

		private final String keyColumn;

		Counter(NamedParameterJdbcTemplate jdbc, Clock clock, String table, String keyColumn,
				SecuritySettings.Lockout settings) {
			this.jdbc = jdbc;
			this.clock = clock;
			this.table = table;
			this.keyColumn = keyColumn;
			this.settings = settings;
		}

		State state(String key) {
			List<OffsetDateTime> lockedUntil = this.jdbc.query(
					"select locked_until from " + this.table + " where " + this.keyColumn + " = :key",
					Map.of("key", key), (rs, i) -> rs.getObject(1, OffsetDateTime.class));
			if (lockedUntil.isEmpty()) {
				return State.CLEAR;
			}
			OffsetDateTime until = lockedUntil.get(0);
			return (until != null && until.toInstant().isAfter(this.clock.instant())) ? State.LOCKED : State.COUNTING;
		}

		boolean recordFailure(String key) {
			Instant now = this.clock.instant();
			Map<String, Object> params = Map.of("key", key, "now", utc(now), "floor",
					utc(now.minus(this.settings.window())), "until", utc(now.plus(this.settings.duration())), "max",
					this.settings.maxFailures());
			this.jdbc.update(DELETE_STALE.formatted(this.table, this.keyColumn), params);
			if (update(params) == 0) {
				try {
					this.jdbc.update(INSERT.formatted(this.table, this.keyColumn), params);
				}
				catch (DuplicateKeyException ex) {
					update(params);
				}
			}
			Integer failures = this.jdbc.queryForObject(
					"select failures from " + this.table + " where " + this.keyColumn + " = :key", params,
					Integer.class);
			return failures != null && failures == this.settings.maxFailures();
		}

		private int update(Map<String, Object> params) {
			return this.jdbc.update(UPDATE.formatted(this.table, this.keyColumn, FRESH), params);
		}

		void clear(String key) {
			this.jdbc.update("delete from " + this.table + " where " + this.keyColumn + " = :key", Map.of("key", key));
		}

		private static OffsetDateTime utc(Instant instant) {
			return instant.atOffset(ZoneOffset.UTC);
		}

	}

}
