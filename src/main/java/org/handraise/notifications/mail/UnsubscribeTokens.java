package org.handraise.notifications.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.handraise.notifications.NotificationCategory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Unsubscribe links that need no sign-in: the token names a person and the categories to
 * turn off, signed with HMAC-SHA256, so any instance can check it and nobody can make one
 * for someone else. The key is {@code handraise.mail.unsubscribe-secret}, or when that is
 * empty a random one made once and kept in {@code mail_secrets}. The token is hex
 * (payload, a dash, the first 128 bits of the signature).
 */
@Component
class UnsubscribeTokens {

	private static final String SECRET_NAME = "unsubscribe";

	private static final HexFormat HEX = HexFormat.of();

	private final JdbcTemplate jdbc;

	private final String configured;

	private volatile byte[] key;

	UnsubscribeTokens(JdbcTemplate jdbc, MailProperties properties) {
		this.jdbc = jdbc;
		this.configured = properties.unsubscribeSecret();
	}

	String issue(String username, Set<NotificationCategory> categories) {
		String payload = username + "\n"
				+ categories.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return HEX.formatHex(bytes) + "-" + HEX.formatHex(sign(bytes));
	}

	/** Whose categories a genuine token turns off; empty for anything else. */
	Optional<Unsubscription> verify(String token) {
		int dash = (token != null) ? token.indexOf('-') : -1;
		if (dash <= 0 || token.length() > 1000) {
			return Optional.empty();
		}
		try {
			byte[] payload = HEX.parseHex(token, 0, dash);
			byte[] signature = HEX.parseHex(token, dash + 1, token.length());
			if (!MessageDigest.isEqual(signature, sign(payload))) {
				return Optional.empty();
			}
			String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", 2);
			Set<NotificationCategory> categories = EnumSet.noneOf(NotificationCategory.class);
			for (String name : parts[1].split(",")) {
				categories.add(NotificationCategory.valueOf(name));
			}
			return Optional.of(new Unsubscription(parts[0], List.copyOf(categories)));
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
			return Optional.empty();
		}
	}

	private byte[] sign(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return Arrays.copyOf(mac.doFinal(payload), 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private byte[] key() {
		byte[] known = this.key;
		if (known == null) {
			known = (this.configured != null && !this.configured.isBlank())
					? this.configured.getBytes(StandardCharsets.UTF_8) : storedKey();
			this.key = known;
		}
		return known;
	}

	/** The key kept in the database; the first instance to need one makes it. */
	private byte[] storedKey() {
		List<String> stored = this.jdbc.queryForList("select secret from mail_secrets where name = ?", String.class,
				SECRET_NAME);
		if (stored.isEmpty()) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			try {
				this.jdbc.update("insert into mail_secrets (name, secret) values (?, ?)", SECRET_NAME,
						HEX.formatHex(fresh));
			}
			catch (DuplicateKeyException ex) {
				// another instance made it first: use theirs
			}
			stored = this.jdbc.queryForList("select secret from mail_secrets where name = ?", String.class,
					SECRET_NAME);
		}
		return HEX.parseHex(stored.get(0));
	}

	/** Who unsubscribes from what. */
	record Unsubscription(String username, List<NotificationCategory> categories) {
	}

}
