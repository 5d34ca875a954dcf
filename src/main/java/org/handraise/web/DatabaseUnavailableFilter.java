package org.handraise.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the database is out of reach outside a controller (loading the session, signing
 * in), answer a quick 503 instead of a 500: {@code application/problem+json} under
 * {@code /api}, a short page elsewhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private final MessageSource messages;

	DatabaseUnavailableFilter(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!isDatabaseUnavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			respond(request, response);
		}
	}

	public static boolean isDatabaseUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
					|| cause instanceof java.sql.SQLTransientConnectionException
					|| cause instanceof java.sql.SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof java.sql.SQLException sql && isConnectionLost(sql)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * SQL states of class 08 (connection exception) and 57P (operator intervention: the
	 * server shut down), and the pool's "Connection is closed", which carries no state,
	 * when a rollback meets a dead connection.
	 */
	private static boolean isConnectionLost(java.sql.SQLException ex) {
		String state = ex.getSQLState();
		if (state != null) {
			return state.startsWith("08") || state.startsWith("57P");
		}
		return "Connection is closed".equals(ex.getMessage());
	}

	/**
	 * The answer, in the language the request asks for: this filter runs outside Spring
	 * MVC's locale context, so it reads {@code Accept-Language} itself. The messages live
	 * in memory, so this works without the database.
	 */
	private void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = request.getLocale();
		response.setHeader("Retry-After", "5");
		EarlyResponses.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
				this.messages.getMessage(WebMessages.UNAVAILABLE_TITLE.with(), locale),
				this.messages.getMessage(WebMessages.UNAVAILABLE.with(), locale));
	}

}
