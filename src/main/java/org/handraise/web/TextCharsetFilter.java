package org.handraise.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every text response names its charset (ASVS V3.4.4): a {@code text/*} or JavaScript
 * content type set without one, as static resources are served, gets
 * {@code ;charset=UTF-8}. The files are UTF-8.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class TextCharsetFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setContentType(String type) {
				super.setContentType(withCharset(type));
			}

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, "Content-Type".equalsIgnoreCase(name) ? withCharset(value) : value);
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, "Content-Type".equalsIgnoreCase(name) ? withCharset(value) : value);
			}

		});
	}

	static String withCharset(String type) {
		if (type == null) {
			return null;
		}
		String lower = type.toLowerCase(Locale.ROOT);
		boolean text = lower.startsWith("text/") || lower.startsWith("application/javascript");
		return (text && !lower.contains("charset=")) ? type + ";charset=UTF-8" : type;
	}

}
