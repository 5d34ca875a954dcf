package org.handraise.shared;

/**
 * An exception that tells people why, as a {@link Message} the edges resolve in the
 * viewer's locale. Its {@link #getMessage()} is the code with its arguments, for logs
 * only.
 */
public abstract class MessageException extends RuntimeException {

	private final Message reason;

	protected MessageException(Message reason) {
		super(reason.toString());
		this.reason = reason;
	}

	/** Why, to be resolved in the viewer's locale. */
	public Message reason() {
		return this.reason;
	}

}
