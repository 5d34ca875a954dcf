package org.handraise.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.HtmlUtils;

/**
 * Answers written by servlet filters, before Spring MVC (and so its locale, views and
 * exception handlers) is reached: {@code application/problem+json} under {@code /api}, a
 * short page elsewhere. Texts come in resolved.
 */
final class EarlyResponses {

	private EarlyResponses() {
	}

	static boolean isApi(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.startsWith("/api/") || uri.equals("/api");
	}

	/**
	 * The problem ({@code title} is the reason phrase) under {@code /api}, else a page
	 * with {@code pageTitle} as heading and {@code detail} below it.
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String pageTitle, String detail) throws IOException {
		response.setStatus(status);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (isApi(request)) {
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
						+ json(detail) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
		}
		else {
			Locale locale = request.getLocale();
			response.setContentType("text/html");
			response.getWriter()
				.write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.getLanguage())
						+ "\"><head><meta charset=\"utf-8\"><title>Handraise</title></head><body><main><h1>"
						+ HtmlUtils.htmlEscape(pageTitle) + "</h1><p>" + HtmlUtils.htmlEscape(detail)
						+ "</p></main></body></html>");
		}
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c == '<' || c == '>') {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
