package org.handraise.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.util.NumberUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The page number of every paged list, API and page alike: a handler method's
 * {@code page} request parameter may be at most {@link #MAX_PAGE}. Beyond it, the rows of
 * the page would start past what the database can be asked for (the offset, page times
 * size, is an int); such a number is refused before the controller runs, with
 * {@link PageNumberTooLargeException}: a 400 with a field error on the API, the "nothing
 * here" page on pages, as for a page number that is not a number. Below 0 the lists show
 * the first page.
 */
@Component
class PageNumbers implements WebMvcConfigurer, HandlerInterceptor {

	/**
	 * The largest page number: with at most 100 rows a page, the offset stays well inside
	 * an int.
	 */
	static final int MAX_PAGE = 1_000_000;

	private static final String PAGE = "page";

	/**
	 * The names under which each handler method takes a page number (usually none, or
	 * just "page").
	 */
	private final Map<Method, List<String>> pageParameters = new ConcurrentHashMap<>();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			for (String name : this.pageParameters.computeIfAbsent(method.getMethod(), (m) -> pageParameters(method))) {
				String value = request.getParameter(name);
				if (value != null && isTooLarge(value)) {
					throw new PageNumberTooLargeException(name);
				}
			}
		}
		return true;
	}

	/**
	 * Read as Spring MVC reads it; what is not a number is left to its conversion (a type
	 * mismatch).
	 */
	private static boolean isTooLarge(String value) {
		try {
			return NumberUtils.parseNumber(value.trim(), Long.class) > MAX_PAGE;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static List<String> pageParameters(HandlerMethod method) {
		List<String> names = new ArrayList<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				String name = StringUtils.hasText(param.name()) ? param.name() : parameter.getParameter().getName();
				if (PAGE.equals(name)) {
					names.add(name);
				}
			}
		}
		return List.copyOf(names);
	}

	/** A page number above {@link #MAX_PAGE}. */
	static class PageNumberTooLargeException extends RuntimeException {

		private final String parameter;

		PageNumberTooLargeException(String parameter) {
			super("page number over " + MAX_PAGE);
			this.parameter = parameter;
		}

		String parameter() {
			return this.parameter;
		}

	}

}
