package org.handraise.shared;

import java.util.List;

/**
 * Input that failed validation, with one entry per offending field. Mapped to 400 on the
 * API and to field messages on pages; each message is resolved in the viewer's locale
 * there.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.isEmpty() ? "Invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	public static InvalidInputException of(String field, Message message) {
		return new InvalidInputException(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	public record FieldError(String field, Message message) {
	}

}
