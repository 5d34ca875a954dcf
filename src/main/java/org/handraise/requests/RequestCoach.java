package org.handraise.requests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a draft the way a busy helper would and says what would make it easier to answer.
 * Its tips are message keys; they advise and never block.
 * <p>
 * The coach reviews every draft it has not reviewed yet: the form carries the
 * {@link #fingerprint fingerprint} of the draft the coach last spoke about, so that
 * exactly that draft may then be posted as it is, while a changed one (edited after the
 * tips, or after a field error) is reviewed again.
 */
public final class RequestCoach {

	private static final Pattern VAGUE = Pattern.compile(
			"\\b(help|urgent|asap|problem|issue|question|broken|stuck|error|not working|doesn'?t work|pls|please)\\b");

	/** The field of the draft each tip is about. */
	private static final Map<String, String> FIELDS = Map.of("coach.title.vague", "title", "coach.details.short",
			"details", "coach.tried.empty", "triedSoFar", "coach.topics.empty", "topics");

	private RequestCoach() {
	}

	public static List<String> review(RequestDraft draft) {
		return review(draft, List.of());
	}

	/**
	 * Reviews a draft; for an anonymous one, also whether its text names
	 * {@code identifying}: words that would tell who asked (the author's name and its
	 * parts, username, team), as whole words in any case. A tip, never a block: the
	 * author decides.
	 */
	public static List<String> review(RequestDraft draft, Collection<String> identifying) {
		List<String> tips = new ArrayList<>();
		String title = (draft.title() != null) ? draft.title().strip() : "";
		String details = (draft.details() != null) ? draft.details().strip() : "";
		String lowerTitle = title.toLowerCase(Locale.ROOT);
		long words = title.isEmpty() ? 0 : title.split("\\s+").length;
		if (!title.isEmpty() && (words < 4 || (VAGUE.matcher(lowerTitle).find() && words < 7))) {
			tips.add("coach.title.vague");
		}
		if (!details.isEmpty() && details.length() < 60) {
			tips.add("coach.details.short");
		}
		if (draft.triedSoFar() == null || draft.triedSoFar().isBlank()) {
			tips.add("coach.tried.empty");
		}
		if (draft.topics().isEmpty()) {
			tips.add("coach.topics.empty");
		}
		if (draft.anonymous()
				&& identifies(String.join("\n", title, details, (draft.triedSoFar() != null) ? draft.triedSoFar() : ""),
						identifying)) {
			tips.add("coach.anonymous.identifies");
		}
		return tips;
	}

	private static boolean identifies(String text, Collection<String> identifying) {
		for (String word : identifying) {
			String stripped = (word != null) ? word.strip() : "";
			if (stripped.length() < 2) {
				continue;
			}
			Pattern whole = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(stripped) + "(?![\\p{L}\\p{N}_])",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
			if (whole.matcher(text).find()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What the coach says about {@code draft}, given the fingerprint of the draft it last
	 * reviewed ({@code null} or blank when it has not spoken yet).
	 */
	public static Advice advise(RequestDraft draft, String lastReviewed) {
		return advise(draft, lastReviewed, List.of());
	}

	/**
	 * The same, for an author whom {@code identifying} words would name (see
	 * {@link #review(RequestDraft, Collection)}).
	 */
	public static Advice advise(RequestDraft draft, String lastReviewed, Collection<String> identifying) {
		String fingerprint = fingerprint(draft);
		return new Advice(review(draft, identifying), fingerprint, fingerprint.equals(lastReviewed));
	}

	/**
	 * The field a tip of {@link #review} is about ({@code title}, {@code details},
	 * {@code triedSoFar}, ...).
	 */
	public static String field(String tip) {
		return FIELDS.get(tip);
	}

	/**
	 * A short digest of what the coach reads in a draft (title, details, what was tried,
	 * topics, anonymous; surrounding whitespace ignored): equal for the same draft,
	 * different as soon as one of them changes. It only tells drafts apart; it protects
	 * nothing, as the coach only advises.
	 */
	public static String fingerprint(RequestDraft draft) {
		String text = String.join("\u0000", stripped(draft.title()), stripped(draft.details()),
				stripped(draft.triedSoFar()), String.join(",", draft.topics()), Boolean.toString(draft.anonymous()));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static String stripped(String text) {
		return (text != null) ? text.strip() : "";
	}

	/**
	 * The coach's word on one draft.
	 *
	 * @param tips the tips for the draft, in order; empty when it has nothing to add
	 * @param fingerprint the draft's {@link #fingerprint}, for the form to carry once the
	 * tips are shown
	 * @param alreadyShown whether these tips were shown for exactly this draft before
	 */
	public record Advice(List<String> tips, String fingerprint, boolean alreadyShown) {

		/**
		 * Whether the draft is held back to show the tips first: there are tips, and not
		 * for this draft yet.
		 */
		public boolean holdsBack() {
			return !this.tips.isEmpty() && !this.alreadyShown;
		}

	}

}
