package org.handraise.people;

import org.handraise.shared.Code;
import org.handraise.shared.MessageKey;

/**
 * What the directory, the administration and the password rules say to people. The texts
 * are in {@code messages.properties}.
 */
public enum PeopleMessages implements MessageKey {

	/** {0}: the username. */
	@Code(value = "not-found.person", arity = 1)
	NOT_FOUND,

	@Code("people.refusal.username-taken")
	USERNAME_TAKEN,

	@Code("people.refusal.username-fixed")
	USERNAME_FIXED,

	@Code("people.refusal.password-not-here")
	PASSWORD_NOT_HERE,

	@Code("people.refusal.wrong-current-password")
	WRONG_CURRENT_PASSWORD,

	@Code("people.refusal.same-password")
	SAME_PASSWORD,

	@Code("people.refusal.deactivate-yourself")
	DEACTIVATE_YOURSELF,

	@Code("people.refusal.last-admin")
	LAST_ADMIN,

	/** As a field message, next to the roles. */
	@Code("people.refusal.last-admin-role")
	LAST_ADMIN_ROLE,

	@Code("handraise.validation.password")
	PASSWORD_LENGTH,

	@Code("password.weak")
	PASSWORD_WEAK,

	@Code("password.username")
	PASSWORD_USERNAME,

	/** {0}: the fields that changed, as a list ({@link #LIST_AND}). */
	@Code(value = "flash.person.saved", arity = 1)
	SAVED,

	@Code("flash.person.unchanged")
	NOTHING_SAVED,

	/** {0}: the items but the last, comma-separated; {1}: the last. */
	@Code(value = "list.and", arity = 2)
	LIST_AND;

}
