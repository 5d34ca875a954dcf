package org.handraise.shared;

/**
 * The action is not possible in the current state. Mapped to 409; the reason is a
 * sentence for people, saying why.
 */
public class ConflictException extends MessageException {

	public ConflictException(Message reason) {
		super(reason);
	}

}
