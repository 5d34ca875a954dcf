package org.handraise.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller at all (an unknown path, the wrong method): under {@code /api} a
 * {@code application/problem+json} like every other API error, elsewhere the friendly error page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmappedRequestHandler {

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_FOUND, "There is nothing at " + request.getRequestURI() + ".",
				"error/404");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpServletRequest request, HttpRequestMethodNotSupportedException ex) {
		return respond(request, HttpStatus.METHOD_NOT_ALLOWED,
				request.getMethod() + " is not supported here" + ((ex.getSupportedMethods() != null)
						? "; use " + String.join(" or ", ex.getSupportedMethods()) + "." : "."),
				"error");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object unsupportedMediaType(HttpServletRequest request) {
		return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", "error");
	}

	private static Object respond(HttpServletRequest request, HttpStatus status, String detail, String view) {
		if (request.getRequestURI().startsWith("/api/") || request.getRequestURI().equals("/api")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(status.getReasonPhrase());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		return page;
	}

}
