package org.handraise.people;

import org.handraise.shared.MessageKey;

/**
 * What the directory, the administration and the password rules say to people. The texts are in
 * {@code messages.properties}.
 */
public enum PeopleMessages implements MessageKey {

	/** {0}: the username. */
	NOT_FOUND("not-found.person", 1),

	USERNAME_TAKEN("people.refusal.username-taken"),

	WRONG_CURRENT_PASSWORD("people.refusal.wrong-current-password"),

	SAME_PASSWORD("people.refusal.same-password"),

	DEACTIVATE_YOURSELF("people.refusal.deactivate-yourself"),

	LAST_ADMIN("people.refusal.last-admin"),

	/** As a field message, next to the roles. */
	LAST_ADMIN_ROLE("people.refusal.last-admin-role"),

	PASSWORD_LENGTH("handraise.validation.password"),

	PASSWORD_WEAK("password.weak"),

	PASSWORD_USERNAME("password.username");

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
