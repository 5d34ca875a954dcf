package org.handraise.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One read of the session per page, not two. Spring Session saves the session when the
 * response is committed (a flush, or more than a buffer of body) and again when its
 * filter ends; that second save reads the session from the database once more (Spring
 * Session 4.0: it forgets the session it read after the first save). Thymeleaf flushes at
 * the end of every page, and most pages outgrow Tomcat's 8 KB buffer, so every page read
 * its session twice.
 * <p>
 * Inside Spring Session's filter, this one gives the response a buffer of
 * {@value #BUFFER} bytes and holds back flushes until the request is done: the session is
 * then saved once, at the end, before anything is sent. A larger body is still committed
 * as it is written (Spring Session then saves early, as before). An event stream
 * ({@code Accept: text/event-stream}) is left alone: its events must leave at once.
 */
@Component
class SessionSaveOnceFilter extends OncePerRequestFilter implements org.springframework.core.Ordered {

	/**
	 * Larger than every page Handraise renders (the home page with its lists is about 40
	 * KB).
	 */
	static final int BUFFER = 64 * 1024;

	@Override
	public int getOrder() {
		return SessionRepositoryFilter.DEFAULT_ORDER + 1;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("text/event-stream");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!response.isCommitted()) {
			response.setBufferSize(BUFFER);
		}
		chain.doFilter(request, new HeldFlushes(response));
	}

	/**
	 * A response whose flushes wait for the end of the request (when the container
	 * flushes it anyway).
	 */
	private static final class HeldFlushes extends HttpServletResponseWrapper {

		private PrintWriter writer;

		HeldFlushes(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void flushBuffer() {
			// held: the container flushes when the request is done
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				this.writer = new PrintWriter(super.getWriter(), false) {

					@Override
					public void flush() {
						// held, like flushBuffer()
					}

				};
			}
			return this.writer;
		}

	}

}
