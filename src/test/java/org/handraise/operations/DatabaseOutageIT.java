package org.handraise.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.handraise.people.PeopleService;
import org.handraise.people.Role;
import org.handraise.support.Instances;
import org.handraise.support.Api;
import org.handraise.support.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a client keeps posting requests, PostgreSQL is stopped abruptly (SIGQUIT to the
 * postmaster, which is what {@code pg_ctl stop -m immediate} sends) and started again 15
 * s later. During the outage the API answers fast with 503 problem+json and health is
 * DOWN; afterwards the app recovers without a restart, and every request that was
 * acknowledged with 201 is in the database.
 */
class DatabaseOutageIT {

	/**
	 * Loggers that report the outage: the health check, the scheduled clean-up of expired
	 * sessions, the connection pool, a transaction whose commit failed, and the embedded
	 * server that is stopped abruptly on purpose.
	 */
	private static final String[] OUTAGE_LOGGERS = { "org.springframework.boot.jdbc.health",
			"org.springframework.scheduling", "com.zaxxer.hikari", "io.zonky.test.db.postgres",
			"org.springframework.session", "org.springframework.transaction.interceptor" };

	private static final Duration OUTAGE = Duration.ofSeconds(15);

	@TempDir
	Path temp;

	@Test
	void survivesADatabaseOutageWithoutLosingAnAcknowledgedWrite() throws Exception {
		int pgPort = freePort();
		Path dataDir = this.temp.resolve("pgdata");
		EmbeddedPostgres pg = startPostgres(dataDir, pgPort);
		String jdbcUrl = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
		ConfigurableApplicationContext app = Instances.start(jdbcUrl, "--spring.datasource.hikari.maximum-pool-size=5");
		List<Call> calls = new CopyOnWriteArrayList<>();
		AtomicBoolean writing = new AtomicBoolean(true);
		// what the outage makes the application and the embedded server log is expected:
		// kept for the asserts below
		CapturedLog log = CapturedLog.of(OUTAGE_LOGGERS);
		try {
			String password = "outage-password-1";
			app.getBean(PeopleService.class)
				.seed("writer", "Writer", "Platform", List.of(Role.EMPLOYEE), List.of(),
						app.getBean(PasswordEncoder.class).encode(password), null);
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			Api api = new Api("http://localhost:" + port);

			Thread writer = new Thread(() -> {
				int n = 0;
				while (writing.get()) {
					String title = "Outage probe number " + (++n);
					long start = System.nanoTime();
					Api.Response response = api.post("/api/requests", "writer", password,
							Map.of("title", title, "details", "Posted while the database may be down."));
					calls.add(new Call(title, response.status(), response.isProblem(),
							Duration.ofNanos(System.nanoTime() - start), System.nanoTime()));
					sleep(50);
				}
			}, "outage-writer");
			writer.start();

			sleep(3000);
			long stoppedAt = System.nanoTime();
			stopImmediately(dataDir);
			closeQuietly(pg); // releases the embedded server's lock on its folder; the
								// server is already gone
			sleep(2000);
			Api.Response healthDuringOutage = api.get("/actuator/health", null, null);
			sleep(OUTAGE.toMillis() - 2000);
			// the outage ends when the restart begins: a call that completes while the
			// server is coming up may succeed
			long restartingAt = System.nanoTime();
			pg = startPostgres(dataDir, pgPort);
			long restartedAt = System.nanoTime();

			long recoveredAt = waitForFirst201After(calls, restartedAt, Duration.ofSeconds(60));
			sleep(2000);
			writing.set(false);
			writer.join(TimeUnit.SECONDS.toMillis(60));
			Api.Response healthAfter = api.get("/actuator/health", null, null);

			List<Call> acknowledged = calls.stream().filter((c) -> c.status() == 201).toList();
			List<Call> refused = calls.stream().filter((c) -> c.status() != 201).toList();
			List<Call> duringOutage = calls.stream()
				.filter((c) -> c.at() > stoppedAt + TimeUnit.SECONDS.toNanos(1) && c.at() < restartingAt)
				.toList();
			Duration slowestRefusal = refused.stream().map(Call::took).max(Duration::compareTo).orElse(Duration.ZERO);
			System.out.printf(
					"outage figures: calls=%d acknowledged=%d refused=%d refusedStatuses=%s "
							+ "slowestRefusal=%dms recoveryAfterRestart=%dms%n",
					calls.size(), acknowledged.size(), refused.size(),
					refused.stream().map(Call::status).distinct().toList(), slowestRefusal.toMillis(),
					TimeUnit.NANOSECONDS.toMillis(recoveredAt - restartedAt));

			assertThat(healthDuringOutage.status()).isEqualTo(503);
			assertThat(healthDuringOutage.body()).contains("DOWN");
			assertThat(duringOutage).isNotEmpty().allSatisfy((c) -> {
				assertThat(c.status()).isEqualTo(503);
				assertThat(c.problem()).isTrue();
			});
			assertThat(refused).allSatisfy((c) -> {
				assertThat(c.status()).isEqualTo(503);
				assertThat(c.took()).isLessThan(Duration.ofSeconds(6));
			});
			assertThat(healthAfter.status()).isEqualTo(200);
			assertThat(acknowledged.size()).isGreaterThan(10);
			assertThat(titlesIn(jdbcUrl)).containsAll(acknowledged.stream().map(Call::title).toList());
			assertThat(log.lines()).as("the outage is in the log for operators")
				.anyMatch((line) -> line.contains("DataSource health check failed"));
		}
		finally {
			writing.set(false);
			app.close();
			pg.close();
			log.close();
		}
	}

	private static long waitForFirst201After(List<Call> calls, long since, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (Call call : calls) {
				if (call.at() > since && call.status() == 201) {
					return call.at();
				}
			}
			sleep(100);
		}
		throw new AssertionError("The application did not recover within " + timeout);
	}

	private static List<String> titlesIn(String jdbcUrl) throws Exception {
		List<String> titles = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
				PreparedStatement statement = connection.prepareStatement("select title from help_requests");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				titles.add(rows.getString(1));
			}
		}
		return titles;
	}

	private static EmbeddedPostgres startPostgres(Path dataDir, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false) // keep the data across the restart; JUnit
											// removes the folder
			.setPort(port)
			// the embedded server turns durability off for speed; production keeps
			// PostgreSQL's defaults, under which a commit is on disk before it is
			// acknowledged: test with those
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("fsync", "on")
			.setServerConfig("full_page_writes", "on")
			.setRegisterShutdownHook(false)
			.start();
	}

	/**
	 * SIGQUIT to the postmaster: PostgreSQL's immediate shutdown, like
	 * {@code pg_ctl stop -m immediate}.
	 */
	private static void stopImmediately(Path dataDir) throws Exception {
		String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
		Process kill = new ProcessBuilder("kill", "-QUIT", pid).inheritIO().start();
		assertThat(kill.waitFor()).isZero();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("PostgreSQL did not stop");
			}
			sleep(100);
		}
	}

	private static void closeQuietly(EmbeddedPostgres pg) {
		try {
			pg.close();
		}
		catch (IOException | RuntimeException ex) {
			// pg_ctl finds no server to stop: that is the point
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Call(String title, int status, boolean problem, Duration took, long at) {
	}

}
