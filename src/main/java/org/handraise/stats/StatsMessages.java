package org.handraise.stats;

import org.handraise.shared.MessageKey;

/**
 * What the statistics say about filters they cannot use. The texts are in
 * {@code messages.properties}.
 */
public enum StatsMessages implements MessageKey {

	NOT_A_DATE("stats.invalid.date"),

	/** {0}: the longest name. */
	NAME_TOO_LONG("stats.invalid.name-length", 1),

	/** {0}: the end of the period. */
	FROM_AFTER_TO("stats.invalid.from-after-to", 1),

	/** {0}: the longest period in days. */
	PERIOD_TOO_LONG("stats.invalid.period-length", 1),

	/** {0}: the name as given. */
	NO_SUCH_TEAM("stats.invalid.team", 1),

	/** {0}: the name as given. */
	NO_SUCH_TOPIC("stats.invalid.topic", 1);

	private final String code;

	private final int arity;

	StatsMessages(String code) {
		this(code, 0);
	}

	StatsMessages(String code, int arity) {
		this.code = code;
		this.arity = arity;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public int arity() {
		return this.arity;
	}

}
