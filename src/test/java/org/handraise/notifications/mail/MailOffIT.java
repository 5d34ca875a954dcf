package org.handraise.notifications.mail;

import java.time.Duration;
import java.util.List;

import org.handraise.HandraiseApplication;
import org.handraise.people.PeopleService;
import org.handraise.support.CapturedLog;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code spring.mail.host}, as in the embedded H2 demo, there is no
 * {@link JavaMailSender} and nothing is sent: each mail is logged on one line at INFO
 * (recipient and subject, no body) and counts as sent, so nothing piles up.
 */
class MailOffIT {

	@Test
	void withoutAMailHostEachMailIsLoggedOnOneLineInsteadOfSent() throws InterruptedException {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HandraiseApplication.class).run(
				"--spring.datasource.url=jdbc:h2:mem:mailoff;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
						+ "DEFAULT_NULL_ORDERING=HIGH",
				"--server.port=0", "--handraise.demo-data=false", "--spring.main.banner-mode=off",
				"--handraise.mail.send-interval=100ms");
				// after the start, which sets the logging up afresh
				CapturedLog log = CapturedLog.of(LoggedOutgoing.class.getName())) {
			assertThat(app.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
			PeopleService people = app.getBean(PeopleService.class);
			people.seed("alice", "Alice", "Platform", List.of(), List.of(), "{noop}unused", null);
			people.seed("bob", "Bob", "Platform", List.of(), List.of(), "{noop}unused", null);
			app.getBean(ThanksService.class).send("alice", new ThanksDraft("bob", "Thanks for the review", null, true));
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (System.nanoTime() < deadline && jdbc
				.queryForObject("select count(*) from mail_deliveries where status = 'SENT'", Integer.class) < 1) {
				Thread.sleep(50);
			}
			assertThat(log.lines()).containsExactly("INFO " + LoggedOutgoing.class.getName()
					+ ": Mail is off (spring.mail.host is not set); would send to bob@handraise.example:"
					+ " Alice thanked you.");
		}
	}

}
