package org.handraise.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's defence against other sites: a call with an {@code Origin} header that is not
 * Handraise's own is refused with 403 before any credentials are looked at. Only browsers
 * send {@code Origin}, and a browser sends Basic credentials it has cached with any
 * site's form post or script; scripts and curl send no {@code Origin} and pass.
 * Handraise's own origin is the scheme, host and port of the request as the server sees
 * it: behind a proxy, those the proxy forwards ({@code X-Forwarded-Proto}, {@code -Host},
 * {@code -Port}) where they are believed; and the origin of {@code handraise.base-url}
 * where one is configured (for a proxy whose forwarded headers are not believed).
 * {@code Origin: null} (a sandboxed or privacy-sensitive context) is another site.
 */
class SameOriginFilter extends OncePerRequestFilter {

	private final AccessDeniedHandler forbidden;

	/**
	 * The origin of the configured base URL ({@code https://help.example.com}), or null.
	 */
	private final URI configured;

	SameOriginFilter(AccessDeniedHandler forbidden, String baseUrl) {
		this.forbidden = forbidden;
		this.configured = configuredOrigin(baseUrl);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null || isOwn(origin, request) || isConfigured(origin)) {
			chain.doFilter(request, response);
			return;
		}
		this.forbidden.handle(request, response, new CrossSiteRequestException());
	}

	static boolean isOwn(String origin, HttpServletRequest request) {
		try {
			URI uri = new URI(origin.strip());
			String scheme = uri.getScheme();
			if (scheme == null || uri.getHost() == null || !scheme.equalsIgnoreCase(request.getScheme())
					|| !uri.getHost().equalsIgnoreCase(request.getServerName())) {
				return false;
			}
			int port = (uri.getPort() != -1) ? uri.getPort() : defaultPort(scheme);
			return port == request.getServerPort();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private boolean isConfigured(String origin) {
		URI uri = configuredOrigin(origin);
		return this.configured != null && uri != null && this.configured.equals(uri);
	}

	/**
	 * Scheme, host (lower case) and port (the default one filled in) of {@code url}, or
	 * null when it has none.
	 */
	static URI configuredOrigin(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(url.strip());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			int port = (uri.getPort() != -1) ? uri.getPort() : defaultPort(scheme);
			return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), port, null, null, null);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static int defaultPort(String scheme) {
		return "https".equalsIgnoreCase(scheme) ? 443 : 80;
	}

	/** A call from another site's page. */
	static class CrossSiteRequestException extends AccessDeniedException {

		CrossSiteRequestException() {
			super("cross-site request");
		}

	}

}
