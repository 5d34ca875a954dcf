package org.handraise.requests;

import java.util.List;

import org.springframework.data.jpa.domain.Specification;

/**
 * Paged reads of requests without Spring Data's {@code count(*)} over every matching row:
 * the page itself, and a count that stops at a limit (a count of the whole table grows
 * with it: ~5 ms at 100,000 requests, ten times that at a million).
 */
interface CappedSearch {

	/**
	 * The requests of {@code spec} from {@code offset}, at most {@code limit}, in the
	 * order {@code spec} sets.
	 */
	List<HelpRequest> page(Specification<HelpRequest> spec, int offset, int limit);

	/** How many requests match {@code spec}, counting no further than {@code cap}. */
	long countUpTo(Specification<HelpRequest> spec, int cap);

}
