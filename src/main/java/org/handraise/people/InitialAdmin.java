package org.handraise.people;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.handraise.shared.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a new installation, from
 * {@code handraise.initial-admin.username} and {@code handraise.initial-admin.password}:
 * created once, only while nobody else exists, so that a fresh production database (no
 * demo data) can be signed into. Change the password after the first sign-in.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "handraise.initial-admin.username")
class InitialAdmin implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(InitialAdmin.class);

	private final PeopleService people;

	private final PasswordEncoder passwordEncoder;

	private final String username;

	private final String password;

	private final MessageSource messages;

	InitialAdmin(PeopleService people, PasswordEncoder passwordEncoder, MessageSource messages,
			@Value("${handraise.initial-admin.username}") String username,
			@Value("${handraise.initial-admin.password:}") String password) {
		this.people = people;
		this.passwordEncoder = passwordEncoder;
		this.username = username;
		this.password = password;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.people.count() > 0) {
			return;
		}
		List<Message> problems = new PasswordPolicy().problems(this.password, this.username);
		if (!problems.isEmpty()) {
			// for the operator, in the log: the default (English) text
			throw new IllegalStateException(
					"handraise.initial-admin.password " + this.messages.getMessage(problems.get(0), Locale.ROOT)
							+ " (12 to 128 characters, not a common password, not the username)");
		}
		this.people.seed(this.username, "Administrator", null, Set.of(Role.ADMIN), List.of(),
				this.passwordEncoder.encode(this.password), null);
		logger.info("Created the initial administrator '{}'", this.username);
	}

}
