package org.handraise.requests;

import java.util.ArrayList;
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
		return tips;
	}

}
