package org.handraise.notifications.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.handraise.people.PeopleService;
import org.handraise.support.Instances;
import org.handraise.support.EmbeddedPostgres;
import org.handraise.support.Smtp;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email is delivered once, whatever happens between the change and the SMTP server, with
 * the whole application on PostgreSQL and GreenMail: a change that rolls back (never
 * mailed) next to one that commits (mailed once), a server that is down for a while
 * (every mail arrives once when it is back, the failed attempts recorded), a mail that
 * keeps failing (given up after the last attempt, still visible), an application
 * restarted between the change and the send (the next start sends it once), two instances
 * sending from one database (each mail once); and how many mails a second the sender
 * delivers. Each test has a database of its own; the changes are thank-you notes from
 * alice to bob, each one mail to bob.
 */
class MailDeliveryIT {

	private static final Logger logger = LoggerFactory.getLogger(MailDeliveryIT.class);

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private String jdbcUrl;

	@BeforeEach
	void freshDatabaseAndMailbox() throws Exception {
		this.jdbcUrl = EmbeddedPostgres.freshDatabase("mail_" + DATABASES.incrementAndGet());
		Smtp.start();
		Smtp.clear();
	}

	@AfterEach
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		Smtp.start();
	}

	@Test
	void aChangeThatRollsBackIsNeverMailedAndOneThatCommitsIsMailedOnce() {
		ConfigurableApplicationContext app = start("200ms");
		seedPeople(app);
		new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).executeWithoutResult((status) -> {
			thank(app, 1);
			status.setRollbackOnly();
		});
		thank(app, 2);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		awaitTrue(() -> count(jdbc, "select count(*) from mail_deliveries where status = 'SENT'") == 1, "sent");
		sleep(1000);
		assertDeliveredOnce(jdbc, 1);
		assertThat(count(jdbc, "select count(*) from notifications")).isEqualTo(1);
	}

	@Test
	void mailWaitingWhileTheServerIsDownArrivesOnceWhenItIsBack() {
		ConfigurableApplicationContext app = start("200ms", "--handraise.mail.backoff=200ms",
				"--handraise.mail.max-backoff=400ms", "--handraise.mail.max-attempts=50");
		seedPeople(app);
		Smtp.stop();
		for (int i = 0; i < 5; i++) {
			thank(app, i);
		}
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		awaitTrue(() -> count(jdbc, "select count(*) from mail_deliveries where attempts >= 2") == 5,
				"every mail failed twice");
		Map<String, Object> failing = jdbc.queryForMap("""
				select min(attempts) as attempts, count(last_error) as errors, min(next_attempt_at) as next,
				    max(status) as status
				from mail_deliveries""");
		assertThat(failing.get("errors")).isEqualTo(5L);
		assertThat(failing.get("status")).isEqualTo("PENDING");
		assertThat(jdbc.queryForObject("select last_error from mail_deliveries limit 1", String.class))
			.contains("Connection refused");
		assertThat(Smtp.received()).isEmpty();

		Smtp.start();
		awaitTrue(() -> count(jdbc, "select count(*) from mail_deliveries where status = 'SENT'") == 5,
				"every mail sent");
		sleep(1500);
		assertDeliveredOnce(jdbc, 5);
		assertThat(count(jdbc, "select count(*) from mail_deliveries where attempts >= 3")).isEqualTo(5);
	}

	@Test
	void aMailThatKeepsFailingIsGivenUpAfterTheLastAttemptAndStaysVisible() {
		ConfigurableApplicationContext app = start("100ms", "--handraise.mail.backoff=100ms",
				"--handraise.mail.max-attempts=3");
		seedPeople(app);
		Smtp.stop();
		thank(app, 1);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		awaitTrue(() -> count(jdbc, "select count(*) from mail_deliveries where status = 'FAILED'") == 1, "given up");
		Map<String, Object> row = jdbc.queryForMap("select attempts, last_error, sent_at from mail_deliveries");
		assertThat(row.get("attempts")).isEqualTo(3);
		assertThat((String) row.get("last_error")).contains("Connection refused");
		assertThat(row.get("sent_at")).isNull();
		Smtp.start();
		sleep(800);
		assertThat(Smtp.received()).as("a given-up mail is not sent").isEmpty();
	}

	@Test
	void mailWrittenBeforeARestartIsSentOnceByTheNextStart() {
		ConfigurableApplicationContext before = start("1h");
		seedPeople(before);
		thank(before, 1);
		JdbcTemplate first = before.getBean(JdbcTemplate.class);
		awaitTrue(() -> count(first, "select count(*) from mail_deliveries where status = 'PENDING'") == 1,
				"the mail written, not sent");
		before.close();
		this.contexts.remove(before);
		assertThat(Smtp.received()).isEmpty();

		ConfigurableApplicationContext after = start("200ms");
		JdbcTemplate jdbc = after.getBean(JdbcTemplate.class);
		awaitTrue(() -> count(jdbc, "select count(*) from mail_deliveries where status = 'SENT'") == 1, "sent");
		sleep(1000);
		assertDeliveredOnce(jdbc, 1);
	}

	@Test
	void twoInstancesSendingFromOneDatabaseSendEachMailOnce() {
		ConfigurableApplicationContext a = start("100ms", "--handraise.mail.batch-size=7");
		ConfigurableApplicationContext b = start("100ms", "--handraise.mail.batch-size=7");
		seedPeople(a);
		int changes = 60;
		for (int i = 0; i < changes; i++) {
			thank((i % 2 == 0) ? a : b, i);
		}
		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
		awaitTrue(() -> count(jdbc, "select count(*) from mail_deliveries where status = 'SENT'") == changes,
				"every mail sent");
		sleep(1500);
		assertDeliveredOnce(jdbc, changes);
	}

	@Test
	void theSendersThroughputIsMeasuredAndLogged() {
		ConfigurableApplicationContext app = start("1h");
		seedPeople(app);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		int mails = 2000;
		pending(jdbc, mails);
		MailOutbox outbox = app.getBean(MailOutbox.class);
		long started = System.nanoTime();
		int sent = outbox.sendDue().orElseThrow();
		double seconds = (System.nanoTime() - started) / 1e9;
		List<MimeMessage> received = Smtp.await(mails, Duration.ofSeconds(30));
		assertThat(sent).isEqualTo(mails);
		assertThat(received).hasSize(mails);
		double rate = mails / seconds;
		logger.info("Mail throughput: {} mails in {} s = {} mails/s (batch size {})", mails,
				String.format(java.util.Locale.ROOT, "%.2f", seconds),
				String.format(java.util.Locale.ROOT, "%.0f", rate),
				app.getEnvironment().getProperty("handraise.mail.batch-size"));
		assertThat(count(jdbc, "select count(*) from mail_deliveries where status = 'SENT'")).isEqualTo(mails);
	}

	/**
	 * {@code mails} pending single mails to bob, each about a notification of its own.
	 */
	private static void pending(JdbcTemplate jdbc, int mails) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> notifications = new ArrayList<>();
		for (int i = 0; i < mails; i++) {
			notifications.add(new Object[] { "Thanks number " + i, "bench-" + i, now });
		}
		jdbc.batchUpdate("""
				insert into notifications (recipient, kind, category, actor_name, detail, source, created_at)
				values ('bob', 'THANKS_RECEIVED', 'THANKS', 'Alice', ?, ?, ?)""", notifications);
		jdbc.update("""
				insert into mail_deliveries (recipient, email, kind, notification_id, status, attempts, next_attempt_at,
				    message_id, created_at)
				select 'bob', 'bob@handraise.example', 'SINGLE', id, 'PENDING', 0, created_at,
				    '<bench-' || id || '@handraise.example>', created_at
				from notifications where source like 'bench-%'""");
	}

	/**
	 * GreenMail received exactly {@code expected} mails, one for each row of
	 * {@code mail_deliveries}, none twice.
	 */
	private static void assertDeliveredOnce(JdbcTemplate jdbc, int expected) {
		List<MimeMessage> received = Smtp.received();
		List<String> ids = new ArrayList<>();
		for (MimeMessage message : received) {
			try {
				ids.add(message.getMessageID());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		Set<String> rows = new HashSet<>(jdbc.queryForList("select message_id from mail_deliveries", String.class));
		assertThat(rows).hasSize(expected);
		assertThat(ids).hasSize(expected).doesNotHaveDuplicates();
		assertThat(new HashSet<>(ids)).isEqualTo(rows);
	}

	private ConfigurableApplicationContext start(String sendInterval, String... more) {
		List<String> args = new ArrayList<>(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + Smtp.port(),
				"--handraise.mail.send-interval=" + sendInterval));
		args.addAll(List.of(more));
		ConfigurableApplicationContext context = Instances.start(this.jdbcUrl, args.toArray(new String[0]));
		this.contexts.add(context);
		return context;
	}

	private static void seedPeople(ConfigurableApplicationContext context) {
		PeopleService people = context.getBean(PeopleService.class);
		people.seed("alice", "Alice", "Platform", List.of(), List.of(), "{noop}unused", null);
		people.seed("bob", "Bob", "Platform", List.of(), List.of(), "{noop}unused", null);
	}

	private static void thank(ConfigurableApplicationContext context, int i) {
		context.getBean(ThanksService.class)
			.send("alice", new ThanksDraft("bob", "Thanks for review " + i, null, true));
	}

	private static int count(JdbcTemplate jdbc, String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void awaitTrue(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
			sleep(50);
		}
	}

}
