package org.handraise.web;

import java.util.function.Supplier;

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
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Requests that reach no controller at all (an unknown path, the wrong method): under
 * {@code /api} a {@code application/problem+json} like every other API error, elsewhere
 * the friendly error page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmappedRequestHandler {

	private final Texts texts;

	private final ResourceUrlProvider resourceUrls;

	UnmappedRequestHandler(Texts texts, ResourceUrlProvider resourceUrls) {
		this.texts = texts;
		this.resourceUrls = resourceUrls;
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	Object notFound(HttpServletRequest request) {
		// No handler ran, so no interceptor exposed the resource URL provider: without it
		// the error page's webjars links would stay version-less (they used to reach the
		// /** resource handler; see StaticResources).
		if (request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR) == null) {
			request.setAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, this.resourceUrls);
		}
		return respond(request, HttpStatus.NOT_FOUND,
				() -> this.texts.of(WebMessages.NOTHING_AT, request.getRequestURI()), "error/404");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpServletRequest request, HttpRequestMethodNotSupportedException ex) {
		String[] supported = ex.getSupportedMethods();
		return respond(request, HttpStatus.METHOD_NOT_ALLOWED,
				() -> (supported != null && supported.length > 0)
						? this.texts.of(WebMessages.METHOD_NOT_SUPPORTED_USE, request.getMethod(), either(supported))
						: this.texts.of(WebMessages.METHOD_NOT_SUPPORTED, request.getMethod()),
				"error");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object unsupportedMediaType(HttpServletRequest request) {
		return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, () -> this.texts.of(WebMessages.JSON_ONLY), "error");
	}

	/** "GET or POST", as a message resolved in the viewer's language. */
	private static Object either(String[] methods) {
		Object either = methods[0];
		for (int i = 1; i < methods.length; i++) {
			either = WebMessages.METHOD_OR.with(either, methods[i]);
		}
		return either;
	}

	private static Object respond(HttpServletRequest request, HttpStatus status, Supplier<String> detail, String view) {
		if (request.getRequestURI().startsWith("/api/") || request.getRequestURI().equals("/api")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail.get());
			problem.setTitle(status.getReasonPhrase());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		return page;
	}

}
