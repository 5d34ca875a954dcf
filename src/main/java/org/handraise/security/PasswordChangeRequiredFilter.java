package org.handraise.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person who signed in with a password an administrator chose (they were just added, or
 * their password was reset) must choose their own before anything else. Sign-in marks
 * them with the {@link #AUTHORITY} (read with the rest of their credentials, so no extra
 * query per request); this filter, after authorization, then sends every page to the
 * welcome page ({@code /welcome}, where they choose it), but for that page, signing out
 * and the static resources, and answers every API call with a 403 problem saying so. Once
 * they have chosen, their session is signed in again without the mark.
 */
final class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	/** The authority of a person who must choose their own password first; not a role. */
	static final String AUTHORITY = "PASSWORD_CHANGE_REQUIRED";

	static final String WELCOME = "/welcome";

	private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/images/", "/webjars/", "/error");

	private static final List<String> OPEN_PATHS = List.of(WELCOME, "/welcome/password", "/logout", "/login",
			"/favicon.ico");

	private final AccessDeniedHandler api;

	private PasswordChangeRequiredFilter(AccessDeniedHandler api) {
		this.api = api;
	}

	/** For the pages: sends the person to the welcome page. */
	static PasswordChangeRequiredFilter pages() {
		return new PasswordChangeRequiredFilter(null);
	}

	/**
	 * For the API: a 403 problem, through {@code forbidden}, that says to choose a
	 * password first.
	 */
	static PasswordChangeRequiredFilter api(AccessDeniedHandler forbidden) {
		return new PasswordChangeRequiredFilter(forbidden);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!mustChangePassword(SecurityContextHolder.getContext().getAuthentication())) {
			chain.doFilter(request, response);
			return;
		}
		if (this.api != null) {
			this.api.handle(request, response, new PasswordChangeRequiredException());
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
			chain.doFilter(request, response);
			return;
		}
		response.sendRedirect(request.getContextPath() + WELCOME);
	}

	/** Whether this sign-in carries the mark of a password somebody else chose. */
	static boolean mustChangePassword(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(AUTHORITY::equals);
	}

	/**
	 * The refusal of an API call by a person who must choose their own password first.
	 */
	static final class PasswordChangeRequiredException extends AccessDeniedException {

		PasswordChangeRequiredException() {
			super("Choose your own password first");
		}

	}

}
