package org.handraise.thanks;

import org.handraise.shared.Code;
import org.handraise.shared.MessageKey;

/**
 * What sending thanks says to people when it is refused. The texts are in
 * {@code messages.properties}.
 */
public enum ThanksMessages implements MessageKey {

	@Code("thanks.refusal.yourself")
	THANK_YOURSELF,

	/** {0}: the name as typed. */
	@Code(value = "thanks.refusal.nobody-called", arity = 1)
	NOBODY_CALLED,

	/** {0}: the display name of the person to thank, whose account is deactivated. */
	@Code(value = "thanks.refusal.not-active", arity = 1)
	NOT_ACTIVE,

	@Code("thanks.refusal.not-author")
	NOT_THE_AUTHOR,

	/** {0}: the display name of the person to thank. */
	@Code(value = "thanks.refusal.not-a-helper", arity = 1)
	NOT_A_HELPER,

	/** {0}: the note's id. */
	@Code(value = "not-found.thanks", arity = 1)
	NOT_FOUND;

}
