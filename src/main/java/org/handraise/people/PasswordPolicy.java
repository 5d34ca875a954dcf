package org.handraise.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.handraise.shared.InvalidInputException;
import org.handraise.shared.Message;

import org.springframework.stereotype.Component;

/**
 * What a password must be (OWASP ASVS 5.0, V6.2): 12 to 128 characters, any characters at
 * all and no composition rules, but not a common or easily guessed one. "Easily guessed"
 * is
 * <ul>
 * <li>a password of the common-password lists, in any case:
 * {@code security/top-10000-passwords.txt} (the 10,000 most common passwords, from
 * nbvcxz, MIT licence beside it) and {@code security/common-passwords.txt} (weak
 * passwords and password words written for Handraise); or one made of such a password
 * plus predictable digits and symbols around it ({@code Summer2025!}), also in leetspeak
 * ({@code P@ssw0rd}) or with spaces and dashes ({@code i love you 123});</li>
 * <li>a keyboard walk, an alphabet or digit run, or a mix of them with at most two breaks
 * ({@code qwertyuiop12}, {@code 1q2w3e4r5t6y}, {@code abcdefghijkl});</li>
 * <li>a password of three different characters or fewer ({@code aaaaaaaaaaaa}), or the
 * same short or weak block repeated ({@code abcabcabcabc},
 * {@code passwordpassword});</li>
 * <li>a password that contains the person's username, or the name of the
 * application.</li>
 * </ul>
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	static final Message LENGTH = PeopleMessages.PASSWORD_LENGTH.with();

	static final Message WEAK = PeopleMessages.PASSWORD_WEAK.with();

	static final Message USERNAME = PeopleMessages.PASSWORD_USERNAME.with();

	private static final List<String> CONTEXT_WORDS = List.of("handraise");

	private static final String[] KEYBOARD = { "1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./" };

	private static final String SHIFTED_DIGITS = "!@#$%^&*()_+";

	private static final Pattern SEPARATORS = Pattern.compile("[\\s._\\-]+");

	private final Set<String> common;

	/**
	 * The 10,000 most common passwords, most common first, as nbvcxz ships them (see the
	 * LICENSE beside it).
	 */
	static final String TOP_LIST = "/security/top-10000-passwords.txt";

	/** Weak passwords and password words written for Handraise. */
	static final String HANDRAISE_LIST = "/security/common-passwords.txt";

	public PasswordPolicy() {
		this(TOP_LIST, HANDRAISE_LIST);
	}

	/** A policy over the given lists only (for tests that compare lists). */
	PasswordPolicy(String... lists) {
		Set<String> words = new HashSet<>();
		for (String list : lists) {
			words.addAll(load(list));
		}
		this.common = Set.copyOf(words);
	}

	/** How many different passwords (in lower case) the shipped lists hold together. */
	public int listSize() {
		return this.common.size();
	}

	/** Whether the password is on one of the lists as it is, whatever its case. */
	boolean isListed(String password) {
		return password != null && this.common.contains(password.toLowerCase(Locale.ROOT));
	}

	/**
	 * Throws an {@link InvalidInputException} on {@code field} when the password breaks
	 * the policy.
	 */
	public void enforce(String field, String password, String username) {
		List<Message> problems = problems(password, username);
		if (!problems.isEmpty()) {
			throw InvalidInputException.of(field, problems.get(0));
		}
	}

	/**
	 * What is wrong with the password, for this username (may be null); empty when it is
	 * fine.
	 */
	public List<Message> problems(String password, String username) {
		List<Message> problems = new ArrayList<>();
		int length = (password != null) ? password.codePointCount(0, password.length()) : 0;
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			problems.add(LENGTH);
			return problems;
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (username != null && username.length() >= 4 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			problems.add(USERNAME);
		}
		if (isGuessable(lower)) {
			problems.add(WEAK);
		}
		return problems;
	}

	boolean isGuessable(String lower) {
		return isCommon(lower) || CONTEXT_WORDS.stream().anyMatch(lower::contains) || isWalk(lower)
				|| lower.codePoints().distinct().count() <= 3 || isRepeatedBlock(lower)
				|| isRepeatedBlock(SEPARATORS.matcher(lower).replaceAll(""));
	}

	/**
	 * On the list as it is, or after taking digits and symbols off either end
	 * ({@code Summer2025!} is {@code summer}), in leetspeak ({@code p@ssw0rd}), or
	 * without spaces, dots and dashes. What is left after taking digits and symbols off
	 * must have a letter: the list holds many numbers, and a long number that merely ends
	 * in one of them ({@code 739201846502} ends in {@code 6502}) is not that number
	 * decorated.
	 */
	private boolean isCommon(String lower) {
		int lead = 0;
		while (lead < lower.length() && !Character.isLetter(lower.charAt(lead))) {
			lead++;
		}
		int trail = 0;
		while (trail < lower.length() - lead && !Character.isLetter(lower.charAt(lower.length() - 1 - trail))) {
			trail++;
		}
		for (int start = 0; start <= lead; start++) {
			for (int cut = 0; cut <= trail; cut++) {
				if ((start > 8 && start < lead) || (cut > 8 && cut < trail)) {
					continue;
				}
				String middle = lower.substring(start, lower.length() - cut);
				if (middle.isEmpty() || ((start > 0 || cut > 0) && middle.chars().noneMatch(Character::isLetter))) {
					// digits around digits are no decoration: 739201846502 is not
					// "1846502" dressed up
					continue;
				}
				String joined = SEPARATORS.matcher(middle).replaceAll("");
				if (this.common.contains(middle) || this.common.contains(joined) || this.common.contains(unleet(middle))
						|| this.common.contains(unleet(joined))) {
					return true;
				}
			}
		}
		return false;
	}

	private static String unleet(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			out.append(switch (c) {
				case '@', '4' -> 'a';
				case '0' -> 'o';
				case '1', '!' -> 'i';
				case '3' -> 'e';
				case '$', '5' -> 's';
				case '7' -> 't';
				case '8' -> 'b';
				default -> c;
			});
		}
		return out.toString();
	}

	/**
	 * Every step is a repeat, a neighbour on the keyboard or the next letter or digit,
	 * but for two breaks (or one step in five, for longer ones:
	 * {@code 1qaz2wsx3edc4rfv}).
	 */
	static boolean isWalk(String lower) {
		int allowed = Math.max(2, (lower.length() - 1) / 5);
		int breaks = 0;
		for (int i = 1; i < lower.length(); i++) {
			if (!isPredictableStep(normalizeKey(lower.charAt(i - 1)), normalizeKey(lower.charAt(i)))) {
				breaks++;
				if (breaks > allowed) {
					return false;
				}
			}
		}
		return true;
	}

	private static char normalizeKey(char c) {
		int shifted = SHIFTED_DIGITS.indexOf(c);
		return (shifted >= 0) ? KEYBOARD[0].charAt(shifted) : c;
	}

	private static boolean isPredictableStep(char a, char b) {
		if (a == b || (Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b) && Math.abs(a - b) == 1
				&& Character.isDigit(a) == Character.isDigit(b))) {
			return true;
		}
		int[] pa = position(a);
		int[] pb = position(b);
		if (pa == null || pb == null) {
			return false;
		}
		int row = pb[0] - pa[0];
		int col = pb[1] - pa[1];
		return (row == 0 && Math.abs(col) == 1) || (row == 1 && (col == 0 || col == -1))
				|| (row == -1 && (col == 0 || col == 1)) || (a == '0' && b == '1') || (a == '1' && b == '0');
	}

	private static int[] position(char c) {
		for (int row = 0; row < KEYBOARD.length; row++) {
			int col = KEYBOARD[row].indexOf(c);
			if (col >= 0) {
				return new int[] { row, col };
			}
		}
		return null;
	}

	/**
	 * The same block over and over ({@code abcabcabcabc}), where the block is short or
	 * weak itself.
	 */
	private boolean isRepeatedBlock(String lower) {
		int n = lower.length();
		for (int period = 1; period <= n / 2; period++) {
			boolean repeats = true;
			for (int i = period; i < n && repeats; i++) {
				repeats = lower.charAt(i) == lower.charAt(i - period);
			}
			if (repeats) {
				String block = lower.substring(0, period);
				return period < 6 || isCommon(block) || isWalk(block);
			}
		}
		return false;
	}

	/** The entries of a list, lower case, without blank lines and {@code #} comments. */
	private static Set<String> load(String resource) {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String word = line.strip().toLowerCase(Locale.ROOT);
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
