package org.handraise.shared;

/**
 * A sentence for people, named by its code in {@code messages.properties} and the number
 * of arguments its text takes ({@code {0}}, {@code {1}}, ...). Each feature lists its
 * keys in an enum implementing this interface, each constant annotated with its
 * {@link Code}, so a test can check every key against {@code messages.properties}; the
 * text itself never lives in Java.
 */
public interface MessageKey {

	/** The code in {@code messages.properties}. */
	default String code() {
		return MessageCodes.of(this).value();
	}

	/** How many arguments the text takes. */
	default int arity() {
		return MessageCodes.of(this).arity();
	}

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
