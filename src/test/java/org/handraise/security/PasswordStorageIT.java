package org.handraise.security;

import java.util.List;

import org.handraise.support.Api;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;

/**
 * Passwords are stored as bcrypt (over SHA-256, so that all 128 allowed characters count)
 * through the delegating encoder, and checked exactly as typed: no case folding, no
 * trimming.
 */
class PasswordStorageIT extends PostgresIntegrationTest {

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Test
	void storedAsBcryptThroughTheDelegatingEncoder() {
		seed(ALICE);
		assertThat(this.jdbc.queryForObject("select password_hash from people where username = 'alice'", String.class))
			.startsWith("{bcrypt-sha256}$2")
			.doesNotContain(PASSWORD);
	}

	@Test
	void everyCharacterOfALongPasswordCounts() {
		// bcrypt alone reads 72 bytes and Spring Security refuses more: 128 characters of
		// any script must work
		String base = "\u00e9t\u00e9 \u65e5\u672c ".repeat(20).substring(0, 127);
		String encoded = this.passwordEncoder.encode(base + "a");
		assertThat(this.passwordEncoder.matches(base + "a", encoded)).isTrue();
		assertThat(this.passwordEncoder.matches(base + "b", encoded)).isFalse();
	}

	@Test
	void hashesFromBeforeStillMatch() {
		String legacy = "{bcrypt}" + new BCryptPasswordEncoder().encode("demo");
		assertThat(this.passwordEncoder.matches("demo", legacy)).isTrue();
		assertThat(this.passwordEncoder.matches("Demo", legacy)).isFalse();
	}

	@Test
	void thePasswordIsCheckedExactlyAsTyped() {
		seed(ALICE);
		Api api = new Api(baseUrl());
		assertThat(api.get("/api/me", "alice", PASSWORD).status()).isEqualTo(200);
		for (String almost : List.of(PASSWORD.toUpperCase(), " " + PASSWORD, PASSWORD + " ",
				PASSWORD.substring(0, PASSWORD.length() - 1))) {
			assertThat(api.get("/api/me", "alice", almost).status()).as("'" + almost + "'").isEqualTo(401);
		}
	}

}
