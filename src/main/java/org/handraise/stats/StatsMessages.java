package org.handraise.stats;

import org.handraise.shared.Code;
import org.handraise.shared.MessageKey;

/**
 * What the statistics say about filters they cannot use. The texts are in
 * {@code messages.properties}.
 */
public enum StatsMessages implements MessageKey {

	@Code("stats.invalid.date")
	NOT_A_DATE,

	/** {0}: the longest name. */
	@Code(value = "stats.invalid.name-length", arity = 1)
	NAME_TOO_LONG,

	/** {0}: the end of the period. */
	@Code(value = "stats.invalid.from-after-to", arity = 1)
	FROM_AFTER_TO,

	/** {0}: the longest period in days. */
	@Code(value = "stats.invalid.period-length", arity = 1)
	PERIOD_TOO_LONG,

	/** {0}: the name as given. */
	@Code(value = "stats.invalid.team", arity = 1)
	NO_SUCH_TEAM,

	/** {0}: the name as given. */
	@Code(value = "stats.invalid.topic", arity = 1)
	NO_SUCH_TOPIC;

}
