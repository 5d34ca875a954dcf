package org.handraise.people;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.handraise.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The password policy on its own: length, no composition rules, common and guessable
 * passwords refused.
 */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void twelveTo128CharactersAreAcceptedAndNothingElse() {
		assertThat(this.policy.problems("sky-lisbon-7", null)).isEmpty();
		assertThat(this.policy.problems("sky-lisbon7", null)).containsExactly(PasswordPolicy.LENGTH);
		assertThat(this.policy.problems(null, null)).containsExactly(PasswordPolicy.LENGTH);
		assertThat(this.policy.problems("", null)).containsExactly(PasswordPolicy.LENGTH);
		String longest = "vanilla sky over lisbon, ".repeat(6).substring(0, 128);
		assertThat(longest).hasSize(128);
		assertThat(this.policy.problems(longest, null)).isEmpty();
		assertThat(this.policy.problems(longest + "x", null)).containsExactly(PasswordPolicy.LENGTH);
	}

	@Test
	void lengthCountsCharactersNotUtf16Units() {
		// eleven characters, three of them outside the BMP (two UTF-16 units each): still
		// too short
		String elevenCharacters = "teas\uD83C\uDF75with\uD83C\uDF6A\uD83C\uDF70";
		assertThat(elevenCharacters.codePointCount(0, elevenCharacters.length())).isEqualTo(11);
		assertThat(this.policy.problems(elevenCharacters, null)).containsExactly(PasswordPolicy.LENGTH);
		assertThat(this.policy.problems(elevenCharacters + "!", null)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct-horse-battery", "a-long-enough-password", "long enough to be safe",
			"my-own-new-passphrase", "allinlowercasenospaces", "ALL IN CAPITALS IS FINE", "739201846502",
			"Grüße aus Köln am Rhein", "tram 28 to the castle", "Tr0ub4dor&3-staple" })
	void noCompositionRules(String password) {
		assertThat(this.policy.problems(password, "alice")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "Password2024!", "P@ssw0rd12345", "p@ssw0rd!!!!", "iloveyou123456",
			"monkey12345678", "Summer2025!!!", "Welcome@12345", "12345678901234", "qwerty123456", "i love you 1234",
			"correcthorsebatterystaple", "letmein-letmein", "2024football2024" })
	void commonPasswordsAndTheirDecorationsAreRefused(String password) {
		assertThat(this.policy.problems(password, null)).containsExactly(PasswordPolicy.WEAK);
	}

	@ParameterizedTest
	@ValueSource(strings = { "qwertyuiop12", "1q2w3e4r5t6y", "abcdefghijklm", "zxcvbnm,./asd", "0987654321qw",
			"!@#$%^&*()_+", "poiuytrewqlk", "1qaz2wsx3edc4rfv", "aaaaaaaaaaaa", "abababababab", "121212121212",
			"abcabcabcabc", "xyz.xyz.xyz.xyz.", "passwordpassword", "handraise-is-great" })
	void walksRunsAndRepetitionsAreRefused(String password) {
		assertThat(this.policy.problems(password, null)).containsExactly(PasswordPolicy.WEAK);
	}

	@Test
	void aPasswordWithTheUsernameInItIsRefused() {
		assertThat(this.policy.problems("Maria-Lisbon-Tram-28", "maria")).containsExactly(PasswordPolicy.USERNAME);
		assertThat(this.policy.problems("Maria-Lisbon-Tram-28", "bob")).isEmpty();
	}

	@Test
	void enforceNamesTheField() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.policy.enforce("newPassword", "password1234", "alice"))
			.satisfies((ex) -> {
				assertThat(ex.errors().get(0).field()).isEqualTo("newPassword");
				assertThat(ex.errors().get(0).message()).isEqualTo(PasswordPolicy.WEAK);
			});
		assertThatNoException().isThrownBy(() -> this.policy.enforce("password", "tram 28 to the castle", "alice"));
	}

	@Test
	void theShippedListIsLoaded() {
		assertThat(this.policy.listSize()).isGreaterThan(600);
	}

	@Test
	void theTop10000ListShipsWithItsSourceAndLicence() throws IOException {
		List<String> top = lines(PasswordPolicy.TOP_LIST);
		assertThat(top).hasSize(10_000).doesNotContain("").startsWith("123456", "password", "12345678", "qwerty");
		assertThat(top).allSatisfy((entry) -> assertThat(entry).isEqualTo(entry.strip()).doesNotStartWith("#"));
		assertThat(this.policy.listSize()).as("both lists, in lower case").isGreaterThan(10_000);
		String licence = String.join("\n", lines("/security/top-10000-passwords.LICENSE"));
		assertThat(licence).contains("nbvcxz").contains("me.gosimple:nbvcxz:1.5.1").contains("MIT License");
	}

	@Test
	void everyPasswordOfTheTop10000IsRefusedWhateverItsCase() throws IOException {
		List<String> slipped = new ArrayList<>();
		for (String entry : lines(PasswordPolicy.TOP_LIST)) {
			if (!this.policy.isListed(entry) || !this.policy.isListed(entry.toUpperCase(Locale.ROOT))) {
				slipped.add(entry + " (not listed)");
			}
			if (entry.chars().anyMatch(Character::isLetter)) {
				// as typed in capitals and dressed up to the minimum length with
				// predictable digits and symbols
				String dressed = swapCase(entry) + "!2024!!!!!!!".substring(0, Math.max(0, 12 - entry.length()));
				if (!this.policy.problems(dressed, null).equals(List.of(PasswordPolicy.WEAK))) {
					slipped.add(dressed);
				}
			}
		}
		assertThat(slipped).as("common passwords the policy lets through").isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mailcreated5240", "Sersolution2024", "Christopher1", "QAZWSXEDCRFV!", "Charisma2024!",
			"CELEBRITY1!!!", "cheerleaers!!" })
	void passwordsOnlyTheTop10000KnowsAreRefused(String password) {
		// neither Handraise's own list nor a rule catches these: the top 10,000 does
		assertThat(new PasswordPolicy(PasswordPolicy.HANDRAISE_LIST).problems(password, null)).isEmpty();
		assertThat(this.policy.problems(password, null)).containsExactly(PasswordPolicy.WEAK);
	}

	@ParameterizedTest
	@ValueSource(strings = { "739201846502", "008544934417", "043016131226", "941835630770", "229377391231" })
	void aLongNumberIsNotMistakenForAListedNumberWithDigitsAround(String password) {
		// the list holds many numbers (1231, 6502, ...); a random number that ends in one
		// is not that number dressed up
		assertThat(this.policy.problems(password, null)).isEmpty();
	}

	private static List<String> lines(String resource) throws IOException {
		try (InputStream in = PasswordPolicyTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

	private static String swapCase(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.chars()
			.forEach((c) -> out
				.append(Character.isUpperCase(c) ? Character.toLowerCase((char) c) : Character.toUpperCase((char) c)));
		return out.toString();
	}

}
