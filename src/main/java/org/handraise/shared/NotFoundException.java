package org.handraise.shared;

/**
 * Something asked for by id does not exist (or is not visible to the caller). Mapped to
 * 404; the reason names what was asked for ("Request #7 does not exist.").
 */
public class NotFoundException extends MessageException {

	public NotFoundException(Message reason) {
		super(reason);
	}

}
