package org.handraise.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt over the SHA-256 of the password (Base64, 44 characters). bcrypt reads at most
 * 72 bytes, and Spring Security refuses longer input; passwords may be up to 128
 * characters of any script, so they are hashed to a fixed length first. Every character
 * still counts.
 */
final class BcryptSha256PasswordEncoder implements PasswordEncoder {

	static final String ID = "bcrypt-sha256";

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	@Override
	public String encode(CharSequence rawPassword) {
		return this.bcrypt.encode(prehash(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		return this.bcrypt.matches(prehash(rawPassword), encodedPassword);
	}

	static String prehash(CharSequence rawPassword) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
