package org.handraise.shared;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;

/**
 * What the domain says to people: a code of {@code messages.properties} with its
 * arguments, made from a {@link MessageKey}. It is not text yet: the edges (the API's
 * problem details, the error pages, the pages' field errors and flash messages) resolve
 * it with Spring's {@code MessageSource} in the viewer's locale. An argument may itself
 * be a {@link Message} (a status word inside a sentence); it is resolved in the same
 * locale.
 * <p>
 * The one exception is a Bean Validation message, which the validator has already
 * resolved from {@code messages.properties} in the viewer's locale when the rule failed
 * ({@link #resolved(String)}).
 */
public final class Message implements MessageSourceResolvable, Serializable {

	private static final long serialVersionUID = 1L;

	private final String code;

	private final List<Object> args;

	private final String text;

	private Message(String code, List<Object> args, String text) {
		this.code = code;
		this.args = args;
		this.text = text;
	}

	static Message coded(String code, Object... args) {
		return new Message(Objects.requireNonNull(code), Collections.unmodifiableList(Arrays.asList(args.clone())),
				null);
	}

	/**
	 * A text already in the viewer's language (what Bean Validation made of a message
	 * code).
	 */
	static Message resolved(String text) {
		return new Message(null, List.of(), Objects.requireNonNull(text));
	}

	/** The code, or {@code null} for an already resolved text. */
	public String code() {
		return this.code;
	}

	public List<Object> args() {
		return this.args;
	}

	@Override
	public String[] getCodes() {
		return (this.code != null) ? new String[] { this.code } : null;
	}

	@Override
	public Object[] getArguments() {
		return this.args.toArray();
	}

	@Override
	public String getDefaultMessage() {
		return this.text;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Message that) && Objects.equals(this.code, that.code) && this.args.equals(that.args)
				&& Objects.equals(this.text, that.text);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.code, this.args, this.text);
	}

	/**
	 * For logs and test output: the code and its arguments (or the resolved text), never
	 * shown to people.
	 */
	@Override
	public String toString() {
		return (this.code != null) ? (this.args.isEmpty() ? this.code : this.code + this.args) : this.text;
	}

}
