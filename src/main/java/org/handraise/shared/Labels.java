package org.handraise.shared;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Short labels that people type and others match against: topics and skills. A label is
 * compared in one form, Unicode NFKC (so full-width {@code ｊａｖａ} and the ligature in
 * {@code ﬁnance} are {@code java} and {@code finance}), without surrounding white space,
 * in lower case. Invisible characters are refused by {@link VisibleText}, not removed: a
 * label that looks like another must be the other.
 */
public final class Labels {

	private Labels() {
	}

	/** The label in its compared form; null stays null (and is refused by validation). */
	public static String normalize(String label) {
		return (label != null) ? Normalizer.normalize(label, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
				: null;
	}

	/**
	 * Every label of {@code labels} in its compared form, nulls kept for validation to
	 * refuse.
	 */
	public static List<String> normalize(List<String> labels) {
		return (labels != null) ? labels.stream().map(Labels::normalize).toList() : List.of();
	}

}
