package org.handraise.notifications.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.ClassUtils;

/**
 * Mail goes out by SMTP where {@code spring.mail.host} is set (the condition on which
 * Boot makes its {@link JavaMailSender}); otherwise it is only logged.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	/**
	 * Names Jakarta Mail's stream provider (Angus Mail's), unless the JVM names one:
	 * without the name, Jakarta Mail looks it up through the ServiceLoader for every body
	 * part it makes or writes, a search of the class path's jars (JFR: about 40 % of the
	 * sender's CPU); named, it is loaded by name.
	 */
	MailConfiguration() {
		if (System.getProperty(STREAM_PROVIDER) == null
				&& ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailConfiguration.class.getClassLoader())) {
			System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
		}
	}

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
