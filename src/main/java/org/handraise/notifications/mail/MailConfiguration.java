package org.handraise.notifications.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Mail goes out by SMTP where {@code spring.mail.host} is set (the condition on which
 * Boot makes its {@link JavaMailSender}); otherwise it is only logged.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	@ConditionalOnProperty("spring.mail.host")
	SmtpOutgoing smtpOutgoing(JavaMailSender sender) {
		return new SmtpOutgoing(sender);
	}

	@Bean
	@ConditionalOnMissingBean(Outgoing.class)
	LoggedOutgoing loggedOutgoing() {
		return new LoggedOutgoing();
	}

}
