package org.handraise.shared;

/**
 * The caller is known but may not do this (wrong role, or not theirs). Mapped to 403; the
 * reason is a sentence for people, saying why.
 */
public class ForbiddenException extends MessageException {

	public ForbiddenException(Message reason) {
		super(reason);
	}

}
