package org.handraise.shared;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Validates commands inside the services, so that pages and API apply exactly the same
 * rules and nothing is saved when a rule fails. Every constraint names its message by a
 * code of {@code messages.properties} ({@code "{handraise.validation.title.required}"});
 * Spring's validator resolves it, with the constraint's attributes such as {@code {max}},
 * in the locale of the request being served ({@code LocaleContextHolder}), which is the
 * locale the edges show it in.
 */
@Component
public class Validation {

	private final Validator validator;

	public Validation(Validator validator) {
		this.validator = validator;
	}

	public <T> T check(T command) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(command);
		if (!violations.isEmpty()) {
			List<InvalidInputException.FieldError> errors = violations.stream()
				.map((v) -> new InvalidInputException.FieldError(fieldName(v), Message.resolved(v.getMessage())))
				.sorted(Comparator.comparing(InvalidInputException.FieldError::field)
					.thenComparing((e) -> e.message().toString()))
				.toList();
			throw new InvalidInputException(errors);
		}
		return command;
	}

	private static String fieldName(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		int bracket = path.indexOf('[');
		int dot = path.indexOf('.');
		int end = (bracket < 0) ? dot : ((dot < 0) ? bracket : Math.min(bracket, dot));
		return (end < 0) ? path : path.substring(0, end);
	}

}
