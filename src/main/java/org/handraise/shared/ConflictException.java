package org.handraise.shared;

/**
 * The action is not possible in the current state. Mapped to 409; the message is a sentence
 * for people, saying why.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
