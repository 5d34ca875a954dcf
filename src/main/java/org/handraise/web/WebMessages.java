package org.handraise.web;

import org.handraise.shared.MessageKey;

/**
 * What every API error and error page shares: the sentences that are not about one
 * feature. The texts are in {@code messages.properties}.
 */
public enum WebMessages implements MessageKey {

	INVALID_INPUT("problem.invalid-input"),

	INVALID_VALUE("problem.invalid-value"),

	UNREADABLE_BODY("problem.unreadable-body"),

	FORBIDDEN("problem.forbidden"),

	CONCURRENT_CHANGE("problem.concurrent-change"),

	INTEGRITY("problem.integrity"),

	UNAVAILABLE("problem.unavailable"),

	UNAVAILABLE_TITLE("problem.unavailable.title"),

	/** {0}: the path. */
	NOTHING_AT("problem.nothing-at", 1),

	/** {0}: the method. */
	METHOD_NOT_SUPPORTED("problem.method-not-supported", 1),

	/** {0}: the method; {1}: the methods that are supported, as "GET or POST". */
	METHOD_NOT_SUPPORTED_USE("problem.method-not-supported.use", 2),

	/** {0}: one method; {1}: another. */
	METHOD_OR("problem.method-or", 2),

	JSON_ONLY("problem.json-only"),

	/** {0}: the limit in KB. */
	BODY_TOO_LARGE("problem.body-too-large", 1),

	BODY_TOO_LARGE_TITLE("problem.body-too-large.title"),

	BODY_BEYOND_LIMITS("problem.body-beyond-limits"),

	/** {0}: the largest page number. */
	PAGE_TOO_LARGE("problem.page-too-large", 1);

	private final String code;

	private final int arity;

	WebMessages(String code) {
		this(code, 0);
	}

	WebMessages(String code, int arity) {
		this.code = code;
		this.arity = arity;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public int arity() {
		return this.arity;
	}

}
