package org.handraise.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.handraise.audit.AuditAction;
import org.handraise.audit.AuditLog;
import org.handraise.web.DatabaseUnavailableFilter;
import org.handraise.web.Texts;
import org.handraise.web.WebMessages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 for the API as {@code application/problem+json}, written before any
 * controller runs, with the {@code detail} in the request's locale. Every 403, here and
 * on the pages ({@link #pages()}), goes into the audit log.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ObjectProvider<AuditLog> audit;

	private final Texts texts;

	ProblemResponses(ObjectProvider<AuditLog> audit, Texts texts) {
		this.audit = audit;
		this.texts = texts;
	}

	/**
	 * The 401 of a chain that signs in with HTTP Basic only (the actuator):
	 * {@code WWW-Authenticate: Basic}.
	 */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		commence(request, response, authException, false);
	}

	/**
	 * The API's 401: a bearer token that was sent and is no good gets
	 * {@code Bearer error="invalid_token"} (RFC 6750, section 3.1); anything else (no
	 * credentials, a wrong password) gets the Basic challenge with a Bearer one beside
	 * it, the two ways to sign in. A browser ({@link #isBrowser}) gets the Bearer
	 * challenge only: a Basic challenge would make it ask for a password and then send
	 * that with every request to the site, other sites' form posts included.
	 */
	AuthenticationEntryPoint api() {
		return (request, response, authException) -> commence(request, response, authException, true);
	}

	private void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException, boolean bearerToo) throws IOException {
		if (authException instanceof InternalAuthenticationServiceException
				&& DatabaseUnavailableFilter.isDatabaseUnavailable(authException)) {
			// the account could not be looked up: the database is out of reach, not the
			// credentials wrong
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			write(request, response, 503, "Service Unavailable", this.texts.of(WebMessages.UNAVAILABLE));
			return;
		}
		if (authException instanceof InvalidAccessTokenException) {
			AuditLog log = this.audit.getIfAvailable();
			if (log != null) {
				// nobody: the token proves no identity (and is never written anywhere)
				log.record(null, AuditAction.TOKEN_REFUSED, null,
						"unknown, malformed, revoked or expired token, or its owner is deactivated");
			}
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE);
			write(request, response, 401, "Unauthorized", this.texts.of(SecurityMessages.INVALID_TOKEN));
			return;
		}
		if (!bearerToo || !isBrowser(request)) {
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
		}
		if (bearerToo) {
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
		}
		write(request, response, 401, "Unauthorized", this.texts.of(SecurityMessages.UNAUTHORIZED));
	}

	/**
	 * Whether the request comes from a browser: only browsers send the fetch metadata
	 * headers ({@code Sec-Fetch-*}, over HTTPS and to localhost) or an {@code Origin},
	 * jQuery-style scripts send {@code X-Requested-With}, and a browser navigating to a
	 * URL accepts {@code text/html}. curl, scripts and other API clients send none of
	 * these.
	 */
	static boolean isBrowser(HttpServletRequest request) {
		if (request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
				|| request.getHeader("Sec-Fetch-Dest") != null || request.getHeader("X-Requested-With") != null
				|| request.getHeader(HttpHeaders.ORIGIN) != null) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
	}

	static final String BASIC_CHALLENGE = "Basic realm=\"Handraise\"";

	static final String BEARER_CHALLENGE = "Bearer realm=\"Handraise\"";

	static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"Handraise\", error=\"invalid_token\", "
			+ "error_description=\"The access token is unknown, revoked or expired\"";

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		audit(request, accessDeniedException);
		write(request, response, 403, "Forbidden", this.texts
			.of((accessDeniedException instanceof SameOriginFilter.CrossSiteRequestException)
					? SecurityMessages.CROSS_SITE
					: (accessDeniedException instanceof PasswordChangeRequiredFilter.PasswordChangeRequiredException)
							? SecurityMessages.PASSWORD_CHANGE_REQUIRED : WebMessages.FORBIDDEN));
	}

	/**
	 * The pages' 403: recorded in the audit log, then the usual error page (status 403,
	 * {@code error/403}).
	 */
	AccessDeniedHandler pages() {
		AccessDeniedHandler page = new AccessDeniedHandlerImpl();
		return (request, response, denied) -> {
			audit(request, denied);
			page.handle(request, response, denied);
		};
	}

	private void audit(HttpServletRequest request, AccessDeniedException denied) {
		AuditLog log = this.audit.getIfAvailable();
		if (log != null) {
			log.denied(request,
					(denied instanceof CsrfException) ? "missing or invalid CSRF token"
							: (denied instanceof SameOriginFilter.CrossSiteRequestException) ? "cross-site request"
									: (denied instanceof PasswordChangeRequiredFilter.PasswordChangeRequiredException)
											? "must choose a password first"
											: (denied instanceof AuthorizationDeniedException) ? "role" : "refused");
		}
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ json(detail) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || c == '<' || c == '>') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
