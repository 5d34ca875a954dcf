package org.handraise.requests;

import org.handraise.shared.ConflictException;
import org.handraise.shared.ForbiddenException;
import org.handraise.shared.Message;

/**
 * Why an action on a request is refused: the person may not do it at all
 * ({@link Kind#FORBIDDEN}, a 403), or not in the request's current state
 * ({@link Kind#CONFLICT}, a 409). The reason is a sentence for people, as a
 * {@link Message} resolved in the viewer's locale where it is shown.
 */
record Refusal(Kind kind, Message reason) {

	enum Kind {

		FORBIDDEN, CONFLICT

	}

	static Refusal forbidden(Message reason) {
		return new Refusal(Kind.FORBIDDEN, reason);
	}

	static Refusal conflict(Message reason) {
		return new Refusal(Kind.CONFLICT, reason);
	}

	RuntimeException toException() {
		return (this.kind == Kind.FORBIDDEN) ? new ForbiddenException(this.reason) : new ConflictException(this.reason);
	}

}
