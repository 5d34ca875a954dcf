package org.handraise.notifications.mail;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail is off ({@code spring.mail.host} is not set, as in the embedded demo): nothing is
 * sent, and each mail is logged on one line at INFO instead (recipient and subject, no
 * body), then counts as sent.
 */
class LoggedOutgoing implements Outgoing {

	private static final Logger logger = LoggerFactory.getLogger(LoggedOutgoing.class);

	private final Session session = Session.getInstance(new Properties());

	@Override
	public MimeMessage newMessage() {
		return new MimeMessage(this.session);
	}

	@Override
	public Map<MimeMessage, Exception> send(List<MimeMessage> messages) {
		for (MimeMessage message : messages) {
			try {
				logger.info("Mail is off (spring.mail.host is not set); would send to {}: {}",
						String.join(", ", message.getHeader("To")), message.getSubject());
			}
			catch (MessagingException ex) {
				logger.info("Mail is off (spring.mail.host is not set); would send a mail");
			}
		}
		return Map.of();
	}

}
