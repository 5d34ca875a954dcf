package org.handraise.notifications.mail;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Mail through the SMTP server of {@code spring.mail.*}: Boot makes a
 * {@link JavaMailSender} only where {@code spring.mail.host} is set, and so does this. A
 * batch goes over one connection.
 */
class SmtpOutgoing implements Outgoing {

	private final JavaMailSender sender;

	SmtpOutgoing(JavaMailSender sender) {
		this.sender = sender;
	}

	@Override
	public MimeMessage newMessage() {
		return this.sender.createMimeMessage();
	}

	@Override
	public Map<MimeMessage, Exception> send(List<MimeMessage> messages) {
		Map<MimeMessage, Exception> failed = new IdentityHashMap<>();
		try {
			this.sender.send(messages.toArray(new MimeMessage[0]));
		}
		catch (MailSendException ex) {
			ex.getFailedMessages().forEach((message, cause) -> failed.put((MimeMessage) message, cause));
			if (failed.isEmpty()) {
				messages.forEach((message) -> failed.put(message, ex));
			}
		}
		catch (MailException ex) {
			messages.forEach((message) -> failed.put(message, ex));
		}
		return failed;
	}

}
