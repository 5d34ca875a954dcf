package org.handraise.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links for pagination that keep the current filters: {@code ${@pages.link(3)}} in
 * templates.
 */
@Component("pages")
public class PageLinks {

	public String link(int page) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		String query = request.getQueryString();
		try {
			return UriComponentsBuilder.fromPath(request.getRequestURI())
				.query(query)
				.replaceQueryParam("page", Math.max(page, 0))
				.build(true)
				.toUriString();
		}
		catch (IllegalArgumentException ex) {
			return request.getRequestURI() + "?page=" + Math.max(page, 0);
		}
	}

}
