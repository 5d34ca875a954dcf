package org.handraise.shared;

import java.util.List;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page whose total may be a lower bound: lists count matching rows only up to a limit
 * beyond the page (a count that costs the same whatever the table's size), so
 * {@link #isTotalExact()} is {@code false} when there are more than
 * {@link #getTotalElements()}. Pages show "1,000+", the API says
 * {@code "totalExact": false}.
 */
public class CountedPage<T> extends PageImpl<T> {

	private final boolean totalExact;

	public CountedPage(List<T> content, Pageable pageable, long total, boolean totalExact) {
		super(content, pageable, total);
		this.totalExact = totalExact;
	}

	public boolean isTotalExact() {
		return this.totalExact;
	}

}
