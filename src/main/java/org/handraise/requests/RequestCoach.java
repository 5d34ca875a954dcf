package org.handraise.requests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a draft the way a busy helper would and says what would make it easier to answer. Its tips are
 * message keys; they advise and never block.
 */
public final class RequestCoach {

	private static final Pattern VAGUE = Pattern.compile(
			"\\b(help|urgent|asap|problem|issue|question|broken|stuck|error|not working|doesn'?t work|pls|please)\\b");

	private RequestCoach() {
	}

	public static List<String> review(RequestDraft draft) {
		return review(draft, List.of());
	}

	/**
	 * Reviews a draft; for an anonymous one, also whether its text names {@code identifying}: words that would
	 * tell who asked (the author's name and its parts, username, team), as whole words in any case. A tip, never a
	 * block: the author decides.
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
		if (draft.anonymous() && identifies(String.join("\n", title, details,
				(draft.triedSoFar() != null) ? draft.triedSoFar() : ""), identifying)) {
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

}
