package org.handraise.shared;

/**
 * The caller is known but may not do this (wrong role, or not theirs). Mapped to 403.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
