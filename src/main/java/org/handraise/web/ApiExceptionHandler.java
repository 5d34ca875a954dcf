package org.handraise.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.handraise.audit.AuditLog;
import org.handraise.shared.ConflictException;
import org.handraise.shared.ForbiddenException;
import org.handraise.shared.InvalidInputException;
import org.handraise.shared.NotFoundException;

import tools.jackson.core.exc.StreamConstraintsException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as {@code application/problem+json} with {@code status}, {@code title}
 * and {@code detail}, and for bad input an {@code errors} list of {@code {field,
 * message}}. Never a stack trace. {@code detail} and every {@code message} are resolved
 * from {@code messages.properties} in the request's locale ({@code Accept-Language});
 * {@code title} is the HTTP reason phrase.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final ObjectProvider<AuditLog> audit;

	private final Texts texts;

	ApiExceptionHandler(ObjectProvider<AuditLog> audit, Texts texts) {
		this.audit = audit;
		this.texts = texts;
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		return validationProblem(ex.errors()
			.stream()
			.map((e) -> Map.of("field", e.field(), "message", this.texts.of(e.message())))
			.toList());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, this.texts.of(ex.reason()));
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	ProblemDetail forbidden(RuntimeException ex, HttpServletRequest request) {
		this.audit.ifAvailable((log) -> log.denied(request, (ex instanceof ForbiddenException) ? "refused" : "role"));
		return problem(HttpStatus.FORBIDDEN, (ex instanceof ForbiddenException forbidden)
				? this.texts.of(forbidden.reason()) : this.texts.of(WebMessages.FORBIDDEN));
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, this.texts.of(ex.reason()));
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ProblemDetail concurrentChange(ObjectOptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, this.texts.of(WebMessages.CONCURRENT_CHANGE));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		return problem(HttpStatus.CONFLICT, this.texts.of(WebMessages.INTEGRITY));
	}

	/**
	 * The database is out of reach: say so quickly, and let the client retry; nothing was
	 * saved.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		if (!DatabaseUnavailableFilter.isDatabaseUnavailable(ex)) {
			throw ex;
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, this.texts.of(WebMessages.UNAVAILABLE)));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return validationProblem(
				List.of(Map.of("field", ex.getName(), "message", this.texts.of(WebMessages.INVALID_VALUE))));
	}

	@ExceptionHandler(PageNumbers.PageNumberTooLargeException.class)
	ProblemDetail pageTooLarge(PageNumbers.PageNumberTooLargeException ex) {
		return validationProblem(List.of(Map.of("field", ex.parameter(), "message",
				this.texts.of(WebMessages.PAGE_TOO_LARGE, PageNumbers.MAX_PAGE))));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> Map.of("field", e.getField(), "message", this.texts.of(e)))
			.toList();
		return ResponseEntity.badRequest().body(validationProblem(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (BodyLimitFilter.isTooLarge(ex)) {
			// a body without a declared length, read past the limit (BodyLimitFilter)
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(problem(HttpStatus.CONTENT_TOO_LARGE,
						this.texts.of(WebMessages.BODY_TOO_LARGE, RequestLimits.API_BODY_LIMIT / 1024)));
		}
		if (isBeyondJsonLimits(ex)) {
			return ResponseEntity.badRequest()
				.body(problem(HttpStatus.BAD_REQUEST, this.texts.of(WebMessages.BODY_BEYOND_LIMITS)));
		}
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, this.texts.of(WebMessages.UNREADABLE_BODY)));
	}

	/**
	 * The JSON reader's limits ({@link RequestLimits}): too long a text, too deep a
	 * nesting.
	 */
	private static boolean isBeyondJsonLimits(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof StreamConstraintsException) {
				return true;
			}
		}
		return false;
	}

	private ProblemDetail validationProblem(List<Map<String, String>> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, this.texts.of(WebMessages.INVALID_INPUT));
		problem.setProperty("errors", errors);
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}
