package org.handraise.notifications.mail;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

/**
 * Where mail goes: an SMTP server ({@link SmtpOutgoing}, where {@code spring.mail.host}
 * is set) or the log ({@link LoggedOutgoing}).
 */
interface Outgoing {

	/** An empty message to compose. */
	MimeMessage newMessage();

	/**
	 * Sends these messages (over one connection where it can) and returns those that
	 * failed, with what went wrong; all others were sent.
	 */
	Map<MimeMessage, Exception> send(List<MimeMessage> messages);

}
