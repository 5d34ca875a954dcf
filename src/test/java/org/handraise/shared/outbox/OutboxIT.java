package org.handraise.shared.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.handraise.people.PeopleService;
import org.handraise.support.Instances;
import org.handraise.support.EmbeddedPostgres;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksSent;
import org.handraise.thanks.ThanksService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on PostgreSQL, with the whole application: an event published in a committed
 * transaction is stored with the change and delivered to an
 * {@link ApplicationModuleListener} after the commit, then marked complete; a rolled-back
 * one is neither stored nor delivered; a listener that fails is given the event again by
 * the scheduled resubmission and handles it once; an incomplete publication left by an
 * instance that stopped is delivered once by the next start; two instances on one
 * database that resubmit at the same moment deliver it once.
 * <p>
 * Each test has a database of its own (so no other instance resubmits its publications)
 * and a listener, {@link Probe}, that records what it handled and can be told to fail.
 */
class OutboxIT {

	private static final String PASSWORD_HASH = "{noop}unused";

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private final List<ConfigurableApplicationContext> contexts = new java.util.ArrayList<>();

	private String jdbcUrl;

	@BeforeEach
	void freshDatabaseAndProbe() throws Exception {
		this.jdbcUrl = EmbeddedPostgres.freshDatabase("outbox_" + DATABASES.incrementAndGet());
		Probe.reset();
	}

	@AfterEach
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aCommittedChangesEventIsDeliveredAfterTheCommitAndMarkedComplete() {
		ConfigurableApplicationContext app = start("1h", "0s");
		seedPeople(app);
		long note = thank(app);
		awaitTrue(() -> Probe.handled(note) == 1, "delivered");
		awaitTrue(() -> "COMPLETED".equals(publication(app, note).get("status")), "marked complete");
		Map<String, Object> row = publication(app, note);
		assertThat(row.get("completion_date")).isNotNull();
		assertThat(row.get("event_type")).isEqualTo(ThanksSent.class.getName());
		assertThat(Probe.attempts(note)).isEqualTo(1);
	}

	@Test
	void aRolledBackChangesEventIsNeitherStoredNorDelivered() throws InterruptedException {
		ConfigurableApplicationContext app = start("1h", "0s");
		seedPeople(app);
		long[] note = new long[1];
		new TransactionTemplate(app.getBean(org.springframework.transaction.PlatformTransactionManager.class))
			.executeWithoutResult((status) -> {
				note[0] = thank(app);
				assertThat(publications(app, note[0]))
					.as("stored with the change, in its transaction, for each listener")
					.isEqualTo(LISTENERS_OF_THANKS_SENT);
				status.setRollbackOnly();
			});
		long committed = thank(app);
		awaitTrue(() -> Probe.handled(committed) == 1, "the next, committed one delivered");
		assertThat(publications(app, note[0])).isZero();
		assertThat(Probe.attempts(note[0])).isZero();
		app.getBean(OutboxResubmission.class).resubmit();
		Thread.sleep(500);
		assertThat(Probe.attempts(note[0])).isZero();
	}

	@Test
	void aListenerThatFailsOnceIsRetriedByTheScheduleAndHandlesTheEventOnce() throws InterruptedException {
		ConfigurableApplicationContext app = start("1s", "1s");
		seedPeople(app);
		Probe.failNext(1);
		long note = thank(app);
		awaitTrue(() -> Probe.handled(note) == 1, "delivered on a resubmission");
		awaitTrue(() -> "COMPLETED".equals(publication(app, note).get("status")), "marked complete");
		assertThat(Probe.attempts(note)).isEqualTo(2);
		Thread.sleep(3000);
		assertThat(Probe.handled(note)).as("no further delivery after three more rounds").isEqualTo(1);
		assertThat(Probe.attempts(note)).isEqualTo(2);
	}

	@Test
	void anIncompletePublicationLeftByAStoppedInstanceIsDeliveredOnceByTheNextStart() {
		ConfigurableApplicationContext before = start("1h", "0s");
		seedPeople(before);
		Probe.failNext(Integer.MAX_VALUE);
		long note = thank(before);
		awaitTrue(() -> "FAILED".equals(publication(before, note).get("status")), "failed on the first instance");
		before.close();
		this.contexts.remove(before);
		Probe.failNext(0);

		ConfigurableApplicationContext after = start("1h", "0s");
		awaitTrue(() -> Probe.handled(note) == 1, "delivered after the restart");
		awaitTrue(() -> "COMPLETED".equals(publication(after, note).get("status")), "marked complete");
		assertThat(Probe.handled(note)).isEqualTo(1);
	}

	@Test
	void twoInstancesResubmittingAtTheSameMomentDeliverOnce() throws Exception {
		ConfigurableApplicationContext a = start("1h", "0s");
		ConfigurableApplicationContext b = start("1h", "0s");
		seedPeople(a);
		Probe.failNext(1);
		long note = thank(a);
		awaitTrue(() -> "FAILED".equals(publication(a, note).get("status")), "the first delivery failed");
		for (int round = 0; round < 3; round++) {
			CountDownLatch gate = new CountDownLatch(1);
			CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> resubmitAfter(gate, a));
			CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> resubmitAfter(gate, b));
			gate.countDown();
			CompletableFuture.allOf(onA, onB).get();
		}
		awaitTrue(() -> "COMPLETED".equals(publication(a, note).get("status")), "marked complete");
		Thread.sleep(1000);
		assertThat(Probe.handled(note)).isEqualTo(1);
		assertThat(Probe.attempts(note)).isEqualTo(2);
	}

	private static void resubmitAfter(CountDownLatch gate, ConfigurableApplicationContext context) {
		try {
			gate.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		context.getBean(OutboxResubmission.class).resubmit();
	}

	private ConfigurableApplicationContext start(String retryInterval, String minAge) {
		ConfigurableApplicationContext context = Instances.start(this.jdbcUrl, List.of(Probe.class),
				"--handraise.outbox.retry-interval=" + retryInterval, "--handraise.outbox.min-age=" + minAge);
		this.contexts.add(context);
		return context;
	}

	private static void seedPeople(ConfigurableApplicationContext context) {
		PeopleService people = context.getBean(PeopleService.class);
		people.seed("alice", "Alice", "Platform", List.of(), List.of(), PASSWORD_HASH, null);
		people.seed("bob", "Bob", "Platform", List.of(), List.of(), PASSWORD_HASH, null);
	}

	private static long thank(ConfigurableApplicationContext context) {
		return context.getBean(ThanksService.class)
			.send("alice", new ThanksDraft("bob", "Thanks for the review", null, true))
			.id();
	}

	private static Map<String, Object> publication(ConfigurableApplicationContext context, long note) {
		List<Map<String, Object>> rows = context.getBean(JdbcTemplate.class).queryForList("""
				select status, completion_date, completion_attempts, event_type from event_publication
				where listener_id like '%Probe%' and serialized_event like ?""", "%\"noteId\":" + note + ",%");
		assertThat(rows).hasSizeLessThanOrEqualTo(1);
		return rows.isEmpty() ? Map.of() : rows.get(0);
	}

	/** The probe and the notifications' listener. */
	private static final int LISTENERS_OF_THANKS_SENT = 2;

	private static int publications(ConfigurableApplicationContext context, long note) {
		return context.getBean(JdbcTemplate.class)
			.queryForObject("select count(*) from event_publication where serialized_event like ?", Integer.class,
					"%\"noteId\":" + note + ",%");
	}

	private static void awaitTrue(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * A listener from another module, as the notifications module will be: after the
	 * commit, through the event publication registry. Registered as a source of the
	 * application, not found by component scanning, so no other test sees it.
	 */
	static class Probe {

		private static final Queue<Long> ATTEMPTS = new ConcurrentLinkedQueue<>();

		private static final Queue<Long> HANDLED = new ConcurrentLinkedQueue<>();

		private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

		static void reset() {
			ATTEMPTS.clear();
			HANDLED.clear();
			FAILURES_LEFT.set(0);
		}

		static void failNext(int times) {
			FAILURES_LEFT.set(times);
		}

		static long attempts(long note) {
			return ATTEMPTS.stream().filter((id) -> id == note).count();
		}

		static long handled(long note) {
			return HANDLED.stream().filter((id) -> id == note).count();
		}

		@ApplicationModuleListener
		void on(ThanksSent sent) {
			ATTEMPTS.add(sent.noteId());
			if (FAILURES_LEFT.getAndUpdate((left) -> Math.max(left - 1, 0)) > 0) {
				throw new IllegalStateException("the probe fails, as told");
			}
			HANDLED.add(sent.noteId());
		}

	}

}
