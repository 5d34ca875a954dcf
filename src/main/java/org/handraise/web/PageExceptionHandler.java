package org.handraise.web;

import jakarta.servlet.http.HttpServletRequest;

import org.handraise.audit.AuditLog;
import org.handraise.shared.ConflictException;
import org.handraise.shared.ForbiddenException;
import org.handraise.shared.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Domain errors on pages: a friendly page with the right status, never a stack trace. The
 * reason of a 403 or a 409 is resolved in the viewer's locale.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private final ObjectProvider<AuditLog> audit;

	private final Texts texts;

	PageExceptionHandler(ObjectProvider<AuditLog> audit, Texts texts) {
		this.audit = audit;
		this.texts = texts;
	}

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class,
			PageNumbers.PageNumberTooLargeException.class })
	ModelAndView notFound(Exception ex) {
		return page("error/404", HttpStatus.NOT_FOUND, null);
	}

	@ExceptionHandler(ForbiddenException.class)
	ModelAndView forbidden(ForbiddenException ex, HttpServletRequest request) {
		this.audit.ifAvailable((log) -> log.denied(request, "refused"));
		return page("error/403", HttpStatus.FORBIDDEN, this.texts.of(ex.reason()));
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex) {
		return page("error/409", HttpStatus.CONFLICT, this.texts.of(ex.reason()));
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ModelAndView concurrentChange(ObjectOptimisticLockingFailureException ex) {
		return page("error/409", HttpStatus.CONFLICT, null);
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ModelAndView unavailable(RuntimeException ex) {
		if (!DatabaseUnavailableFilter.isDatabaseUnavailable(ex)) {
			throw ex;
		}
		return page("error/5xx", HttpStatus.SERVICE_UNAVAILABLE, null);
	}

	private static ModelAndView page(String view, HttpStatus status, String reason) {
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		if (reason != null) {
			page.addObject("reason", reason);
		}
		return page;
	}

}
