package org.handraise.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter: a body larger than {@link RequestLimits#API_BODY_LIMIT} under
 * {@code /api}, or {@link RequestLimits#PAGE_BODY_LIMIT} elsewhere, is refused with 413.
 * A declared {@code Content-Length} over the limit is refused before a byte of the body
 * is read (and before signing in costs a password hash); a body without a length
 * (chunked) is read up to the limit, and reading past it fails with
 * {@link BodyTooLargeException}, which the API answers with the same 413
 * ({@code ApiExceptionHandler}). Tomcat reads form bodies itself, under the same limit
 * ({@code server.tomcat.max-http-form-post-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimitFilter extends OncePerRequestFilter {

	private final MessageSource messages;

	BodyLimitFilter(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int limit = limit(request);
		long length = request.getContentLengthLong();
		if (length > limit) {
			refuse(request, response, limit);
			return;
		}
		if (length >= 0 || request.getHeader("Transfer-Encoding") == null) {
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(new LimitedRequest(request, limit), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!isTooLarge(ex) || response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			refuse(request, response, limit);
		}
	}

	static int limit(HttpServletRequest request) {
		return EarlyResponses.isApi(request) ? RequestLimits.API_BODY_LIMIT : RequestLimits.PAGE_BODY_LIMIT;
	}

	/**
	 * Whether reading the body went past its limit: {@code ex} is or was caused by a
	 * {@link BodyTooLargeException}.
	 */
	static boolean isTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The 413, in the language the request asks for: this filter runs before Spring MVC's
	 * locale context.
	 */
	private void refuse(HttpServletRequest request, HttpServletResponse response, int limit) throws IOException {
		Locale locale = request.getLocale();
		HttpStatus status = HttpStatus.CONTENT_TOO_LARGE;
		EarlyResponses.write(request, response, status.value(), status.getReasonPhrase(),
				this.messages.getMessage(WebMessages.BODY_TOO_LARGE_TITLE.with(), locale),
				this.messages.getMessage(WebMessages.BODY_TOO_LARGE.with(limit / 1024), locale));
	}

	/** Reading a body past its limit. */
	static class BodyTooLargeException extends IOException {

		BodyTooLargeException(int limit) {
			super("request body over " + limit + " bytes");
		}

	}

	/** A request whose body reads up to {@code limit} bytes, and fails beyond. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final int limit;

		private ServletInputStream body;

		LimitedRequest(HttpServletRequest request, int limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.body;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private final int limit;

		private long read;

		LimitedInputStream(ServletInputStream in, int limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			refuseIfOver();
			int b = this.in.read();
			if (b != -1) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			refuseIfOver();
			// never more than one byte past the limit, so nothing beyond it is kept
			int n = this.in.read(buffer, offset, (int) Math.min(length, this.limit - this.read + 1));
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void refuseIfOver() throws BodyTooLargeException {
			if (this.read > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			refuseIfOver();
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
