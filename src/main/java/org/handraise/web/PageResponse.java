package org.handraise.web;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * A page of results in API responses: {@code {content, page, size, totalElements, totalPages}}.
 */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	public static <T> PageResponse<T> of(Page<T> page) {
		return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages());
	}

}
