package org.handraise.people;

import org.handraise.shared.MessageKey;

/**
 * What the directory, the administration and the password rules say to people. The texts
 * are in {@code messages.properties}.
 */
public enum PeopleMessages implements MessageKey {

	/** {0}: the username. */
	NOT_FOUND("not-found.person", 1),

	USERNAME_TAKEN("people.refusal.username-taken"),

	USERNAME_FIXED("people.refusal.username-fixed"),

	PASSWORD_NOT_HERE("people.refusal.password-not-here"),

	WRONG_CURRENT_PASSWORD("people.refusal.wrong-current-password"),

	SAME_PASSWORD("people.refusal.same-password"),

	DEACTIVATE_YOURSELF("people.refusal.deactivate-yourself"),

	LAST_ADMIN("people.refusal.last-admin"),

	/** As a field message, next to the roles. */
	LAST_ADMIN_ROLE("people.refusal.last-admin-role"),

	PASSWORD_LENGTH("handraise.validation.password"),

	PASSWORD_WEAK("password.weak"),

	PASSWORD_USERNAME("password.username"),

	/** {0}: the fields that changed, as a list ({@link #LIST_AND}). */
	SAVED("flash.person.saved", 1),

	NOTHING_SAVED("flash.person.unchanged"),

	/** {0}: the items but the last, comma-separated; {1}: the last. */
	LIST_AND("list.and", 2);

	private final String code;

	private final int arity;

	PeopleMessages(String code) {
		this(code, 0);
	}

	PeopleMessages(String code, int arity) {
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
