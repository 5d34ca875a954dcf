package org.handraise.security;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * The {@code once} values of the token forms a session has sent already, so that sending
 * the same form again (a reload of the page that showed the new token, or a double click)
 * makes no second token. Only the last few are kept: they are random ids, not secrets,
 * and stored with the session.
 */
final class SentForms {

	private static final String ATTRIBUTE = SentForms.class.getName();

	private static final int KEPT = 10;

	private SentForms() {
	}

	/** A fresh id for a form. */
	static String newId() {
		return UUID.randomUUID().toString();
	}

	/**
	 * Whether {@code value} looks like an id this class makes: anything else is not
	 * remembered.
	 */
	static boolean isId(String value) {
		return value != null && value.matches("[0-9a-f-]{36}");
	}

	static boolean wasSent(HttpSession session, String id) {
		return session.getAttribute(ATTRIBUTE) instanceof List<?> sent && sent.contains(id);
	}

	static void remember(HttpSession session, String id) {
		List<String> sent = new ArrayList<>();
		if (session.getAttribute(ATTRIBUTE) instanceof List<?> before) {
			before.forEach((value) -> sent.add(String.valueOf(value)));
		}
		sent.add(id);
		while (sent.size() > KEPT) {
			sent.remove(0);
		}
		// set again, so that Spring Session stores the change
		session.setAttribute(ATTRIBUTE, sent);
	}

}
