package org.handraise.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that is older than the absolute timeout, however busy it has been (the
 * idle timeout is the servlet container's, or Spring Session's), and sends the browser to
 * the sign-in page. Age is counted from the session's creation, which Spring Session
 * stores with the session, so every instance agrees.
 */
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

	private final Duration timeout;

	private final Clock clock;

	AbsoluteSessionTimeoutFilter(Duration timeout, Clock clock) {
		this.timeout = timeout;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && isTooOld(session)) {
			session.invalidate();
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isTooOld(HttpSession session) {
		try {
			return this.clock.millis() - session.getCreationTime() > this.timeout.toMillis();
		}
		catch (IllegalStateException ex) {
			// invalidated meanwhile
			return false;
		}
	}

}
