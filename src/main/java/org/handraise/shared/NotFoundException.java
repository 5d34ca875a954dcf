package org.handraise.shared;

/**
 * Something asked for by id does not exist (or is not visible to the caller). Mapped to 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

	public static NotFoundException of(String what, Object id) {
		return new NotFoundException(what + " " + id + " does not exist.");
	}

}
