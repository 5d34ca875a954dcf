package org.handraise.web;

import org.handraise.shared.Code;
import org.handraise.shared.MessageKey;

/**
 * What every API error and error page shares: the sentences that are not about one
 * feature. The texts are in {@code messages.properties}.
 */
public enum WebMessages implements MessageKey {

	@Code("problem.invalid-input")
	INVALID_INPUT,

	@Code("problem.invalid-value")
	INVALID_VALUE,

	@Code("problem.unreadable-body")
	UNREADABLE_BODY,

	@Code("problem.forbidden")
	FORBIDDEN,

	@Code("problem.concurrent-change")
	CONCURRENT_CHANGE,

	@Code("problem.integrity")
	INTEGRITY,

	@Code("problem.unavailable")
	UNAVAILABLE,

	@Code("problem.unavailable.title")
	UNAVAILABLE_TITLE,

	/** {0}: the path. */
	@Code(value = "problem.nothing-at", arity = 1)
	NOTHING_AT,

	/** {0}: the method. */
	@Code(value = "problem.method-not-supported", arity = 1)
	METHOD_NOT_SUPPORTED,

	/** {0}: the method; {1}: the methods that are supported, as "GET or POST". */
	@Code(value = "problem.method-not-supported.use", arity = 2)
	METHOD_NOT_SUPPORTED_USE,

	/** {0}: one method; {1}: another. */
	@Code(value = "problem.method-or", arity = 2)
	METHOD_OR,

	@Code("problem.json-only")
	JSON_ONLY,

	/** {0}: the limit in KB. */
	@Code(value = "problem.body-too-large", arity = 1)
	BODY_TOO_LARGE,

	@Code("problem.body-too-large.title")
	BODY_TOO_LARGE_TITLE,

	@Code("problem.body-beyond-limits")
	BODY_BEYOND_LIMITS,

	/** {0}: the largest page number. */
	@Code(value = "problem.page-too-large", arity = 1)
	PAGE_TOO_LARGE;

}
