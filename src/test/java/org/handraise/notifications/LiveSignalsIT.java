package org.handraise.notifications;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.handraise.requests.RequestChanged;
import org.handraise.requests.RequestCommands;
import org.handraise.requests.RequestDraft;
import org.handraise.support.EmbeddedPostgres;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.MARIA;

/**
 * What the live updates cost a writing transaction on PostgreSQL, and what they send:
 * nothing inside the transaction; what committed transactions signal is gathered and sent
 * in one {@code pg_notify} statement, however many requests changed and notifications
 * were added, and only what committed; read here on a {@code LISTEN} connection of the
 * test's own. The gathering time is an hour here, so the test decides when to send.
 */
@TestPropertySource(properties = "handraise.live.gather-for=1h")
class LiveSignalsIT extends PostgresIntegrationTest {

	/** {@code pg_notify} statements sent on any thread since {@link #settle}. */
	private static final AtomicInteger NOTIFY_STATEMENTS = new AtomicInteger();

	/** Those sent on the test's thread, inside its transactions. */
	private static final AtomicInteger NOTIFY_IN_TRANSACTIONS = new AtomicInteger();

	/** The thread that runs the test's transactions. */
	private static volatile Thread counted;

	@Autowired
	private RequestCommands requests;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private LiveSignals signals;

	private Connection listening;

	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		static BeanPostProcessor countingNotifyStatements() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource) ? proxy(DataSource.class, dataSource) : bean;
				}

			};
		}

	}

	@BeforeEach
	void listen() throws Exception {
		seed(ALICE, MARIA);
		this.listening = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl(), "postgres", "");
		try (Statement statement = this.listening.createStatement()) {
			statement.execute("listen " + LiveSignals.CHANNEL);
		}
		counted = null;
	}

	@AfterEach
	void close() throws Exception {
		counted = null;
		this.listening.close();
	}

	@Test
	void aClaimSendsNothingInItsTransactionAndItsRequestOnceSent() throws Exception {
		long id = this.requests.post("alice", draft()).id();
		settle();

		this.requests.claim("maria", id);
		awaitListeners();

		assertThat(NOTIFY_IN_TRANSACTIONS.get()).as("statements inside the claim").isZero();
		assertThat(received()).as("nothing before the gathered signals are sent").isEmpty();
		assertThat(this.signals.send()).as("the request, and alice's count from the notifications listener")
			.isEqualTo(2);
		assertThat(NOTIFY_STATEMENTS.get()).isEqualTo(1);
		assertThat(received()).containsExactlyInAnyOrder("r:" + id, unread("alice"));
	}

	@Test
	void whatSeveralTransactionsCommittedIsSentInOneStatement() throws Exception {
		long first = this.requests.post("alice", draft()).id();
		long second = this.requests.post("alice", draft()).id();
		settle();

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.events.publishEvent(new RequestChanged(first));
			this.events.publishEvent(new RequestChanged(second));
			this.events.publishEvent(added(notice("alice", first), notice("maria", first)));
		});
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.events.publishEvent(new RequestChanged(first));
			this.events.publishEvent(added(notice("alice", second)));
		});

		assertThat(this.signals.send()).as("notifications sent").isEqualTo(2);
		assertThat(this.signals.send()).as("nothing is sent twice").isZero();
		assertThat(NOTIFY_STATEMENTS.get()).isEqualTo(1);
		assertThat(NOTIFY_IN_TRANSACTIONS.get()).isZero();
		assertThat(received()).containsExactlyInAnyOrder(unread("alice\nmaria"), "r:" + first + "\n" + second);
	}

	@Test
	void aTransactionThatRollsBackSendsNothing() throws Exception {
		long id = this.requests.post("alice", draft()).id();
		settle();

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.requests.claim("maria", id);
			this.events.publishEvent(added(notice("alice", id)));
			status.setRollbackOnly();
		});

		assertThat(this.signals.send()).isZero();
		assertThat(NOTIFY_STATEMENTS.get()).isZero();
		assertThat(received()).isEmpty();
	}

	@Test
	void manySignalsAreSplitUnderThePayloadLimitInOneStatement() throws Exception {
		settle();
		List<NotificationsAdded.Written> many = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			many.add(new NotificationsAdded.Written(i + 1, notice("person" + i, 1)));
		}
		new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.events.publishEvent(new NotificationsAdded(many)));

		int sent = this.signals.send();
		assertThat(sent).as("payloads of at most 7,900 bytes").isGreaterThan(1);
		assertThat(NOTIFY_STATEMENTS.get()).isEqualTo(1);
		List<String> payloads = received();
		assertThat(payloads).hasSize(sent);
		assertThat(payloads).allMatch((p) -> p.startsWith(unread("")));
		assertThat(payloads.stream().flatMap((p) -> List.of(p.substring(unread("").length()).split("\n")).stream()))
			.hasSize(2_000)
			.doesNotHaveDuplicates();
	}

	/**
	 * Lets what the posts set off after their commit (the notifications listener) finish
	 * and drops what they signalled; from here on, {@code pg_notify} statements are
	 * counted.
	 */
	private void settle() throws Exception {
		awaitListeners();
		this.signals.send();
		received();
		NOTIFY_STATEMENTS.set(0);
		NOTIFY_IN_TRANSACTIONS.set(0);
		counted = Thread.currentThread();
	}

	/** What arrived on the test's LISTEN connection within a second. */
	/** An unread payload from this instance: its origin, then the usernames. */
	private String unread(String usernames) {
		return LiveSignals.UNREAD + this.signals.origin() + "\n" + usernames;
	}

	private List<String> received() throws Exception {
		List<String> payloads = new ArrayList<>();
		long deadline = System.nanoTime() + 1_000_000_000L;
		while (System.nanoTime() < deadline) {
			PGNotification[] arrived = this.listening.unwrap(PGConnection.class).getNotifications(100);
			if (arrived != null) {
				for (PGNotification notification : arrived) {
					payloads.add(notification.getParameter());
				}
			}
		}
		return payloads;
	}

	/**
	 * Notifications as the listener announces them; these have no address, so no mail.
	 */
	private static NotificationsAdded added(Notice... notices) {
		List<NotificationsAdded.Written> written = new ArrayList<>();
		for (Notice notice : notices) {
			written.add(new NotificationsAdded.Written(written.size() + 1, notice));
		}
		return new NotificationsAdded(written);
	}

	private static Notice notice(String recipient, long requestId) {
		return new Notice(recipient, null, NotificationKind.REQUEST_CLAIMED, NotificationCategory.MY_REQUESTS,
				requestId, "A title", "Maria", null, null, "test-" + requestId, Instant.now());
	}

	private static RequestDraft draft() {
		return new RequestDraft("Flyway fails on a duplicate index", "What I need, in enough words to be useful.", null,
				List.of("java"), "NORMAL", false);
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Object target) {
		InvocationHandler handler = (Object proxy, Method method, Object[] args) -> {
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			if (method.getName().equals("getConnection") && result instanceof Connection connection) {
				return proxy(Connection.class, connection);
			}
			if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
					&& sql.contains("pg_notify") && counted != null) {
				NOTIFY_STATEMENTS.incrementAndGet();
				if (Thread.currentThread() == counted && !((Connection) target).getAutoCommit()) {
					NOTIFY_IN_TRANSACTIONS.incrementAndGet();
				}
			}
			return result;
		};
		return (T) Proxy.newProxyInstance(LiveSignalsIT.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

}
