package org.handraise.web;

import java.util.List;

import org.handraise.shared.CountedPage;

import org.springframework.data.domain.Page;

/**
 * A page of results in API responses: {@code {content, page, size, totalElements,
 * totalPages, totalExact}}. {@code totalExact} is {@code false} when the list was counted
 * only up to a limit ({@link CountedPage}): there are more than {@code totalElements},
 * and {@code totalPages} is a lower bound too.
 */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages,
		boolean totalExact) {

	public static <T> PageResponse<T> of(Page<T> page) {
		return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages(), !(page instanceof CountedPage<T> counted) || counted.isTotalExact());
	}

}
