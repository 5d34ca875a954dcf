package org.handraise.stats;

/**
 * The privacy floor: a figure about asking that is built from fewer than
 * {@value #MIN_ASKERS} distinct people who asked is not shown ("fewer than 3"), so that
 * nobody can work out who asked or how often. It applies to every per-team (and team x
 * topic) cell, to the managers' own figure, to the share of people who both asked and
 * helped, and, when a report is narrowed to one team, to every figure about that team's
 * requests. It applies to the senders of a team's thank-you notes as to askers: a team's
 * notes from fewer than {@value #MIN_ASKERS} distinct senders are not shown. Anonymous
 * requests, thank-you notes about them and private notes never count towards a team, a
 * group or a person: only towards organisation-wide figures (see {@link StatsReport}).
 */
public final class PrivacyFloor {

	/** The fewest distinct askers a shown figure may be built from. */
	public static final int MIN_ASKERS = 3;

	private PrivacyFloor() {
	}

	/** Whether a cell built from {@code askers} distinct askers must be suppressed. */
	public static boolean suppresses(long askers) {
		return askers < MIN_ASKERS;
	}

	/**
	 * Whether a cell must be suppressed, given whether the floor applies to it at all.
	 */
	public static boolean suppresses(boolean applies, long askers) {
		return applies && suppresses(askers);
	}

}
