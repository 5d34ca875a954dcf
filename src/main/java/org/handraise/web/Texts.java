package org.handraise.web;

import java.util.Locale;

import org.handraise.shared.InvalidInputException;
import org.handraise.shared.MessageKey;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Turns the domain's messages into text in the locale of the request being served
 * ({@link LocaleContextHolder}, set from the request's {@code Accept-Language} by Spring
 * MVC and, before it, by the request context filter). The one place the edges (problem
 * details, error pages, field errors, flash messages) make text of a
 * {@link org.handraise.shared.Message}.
 */
@Component
public class Texts {

	private final MessageSource messages;

	public Texts(MessageSource messages) {
		this.messages = messages;
	}

	/** The text of a message (its arguments resolved too) in the current locale. */
	public String of(MessageSourceResolvable message) {
		return this.messages.getMessage(message, locale());
	}

	/** The text of a key that takes these arguments, in the current locale. */
	public String of(MessageKey key, Object... args) {
		return of(key.with(args));
	}

	/**
	 * Every field message of {@code ex} as a field error of the form, in the current
	 * locale.
	 */
	public void reject(BindingResult result, InvalidInputException ex) {
		ex.errors().forEach((e) -> result.rejectValue(e.field(), "invalid", of(e.message())));
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
