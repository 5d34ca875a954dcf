package org.handraise.notifications.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The absolute addresses a mail links to, from {@code handraise.base-url} (default
 * {@code http://localhost:8080}).
 */
@Component
class MailLinks {

	private final String base;

	MailLinks(@Value("${handraise.base-url:}") String base) {
		String url = (base == null || base.isBlank()) ? "http://localhost:8080" : base.strip();
		this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	String request(long id) {
		return this.base + "/requests/" + id;
	}

	String inbox() {
		return this.base + "/notifications";
	}

	String settings() {
		return this.base + "/profile#notification-settings";
	}

	String unsubscribe(String token) {
		return this.base + "/unsubscribe/" + token;
	}

	/** The host name, for Message-IDs. */
	String host() {
		String host = java.net.URI.create(this.base).getHost();
		return (host != null) ? host : "localhost";
	}

}
