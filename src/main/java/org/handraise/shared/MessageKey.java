package org.handraise.shared;

/**
 * A sentence for people, named by its code in {@code messages.properties} and the number
 * of arguments its text takes ({@code {0}}, {@code {1}}, ...). Each feature lists its
 * keys in an enum implementing this interface, so a test can check every key against
 * {@code messages.properties}; the text itself never lives in Java.
 */
public interface MessageKey {

	/** The code in {@code messages.properties}. */
	String code();

	/** How many arguments the text takes. */
	int arity();

	/**
	 * The message with these arguments, to be resolved in the viewer's locale where it is
	 * shown.
	 */
	default Message with(Object... args) {
		if (args.length != arity()) {
			throw new IllegalArgumentException(code() + " takes " + arity() + " argument(s), not " + args.length);
		}
		return Message.coded(code(), args);
	}

}
