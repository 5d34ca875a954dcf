package org.handraise.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handraise.people.PeopleService;
import org.handraise.people.Role;
import org.handraise.requests.RequestCommands;
import org.handraise.support.Instances;
import org.handraise.support.Api;
import org.handraise.support.EmbeddedPostgres;
import org.handraise.support.EventStream;
import org.handraise.support.PageClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates across two instances on one PostgreSQL, read as a browser's
 * {@code EventSource} would: a claim made on instance B reaches alice's stream on
 * instance A within 5 s (her unread count, and the request her page watches); a change
 * that rolls back reaches nobody; when A's listening connection is killed, A listens
 * again, tells its streams to look again, and later changes still arrive; the stream
 * needs a signed-in person, a stream that watches one request hears of no other, and one
 * person's streams per instance are bounded (a new one ends the oldest); no event names
 * anyone (an anonymous request's author included).
 */
class LiveUpdatesIT {

	private static final String PASSWORD = "live-updates-pw";

	private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

	private static final Pattern BADGE = Pattern
		.compile("data-unread-count(?:=\"\")?(?:\\s+hidden(?:=\"hidden\")?)?\\s*>(\\d+)<");

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void twoInstances() throws Exception {
		String url = EmbeddedPostgres.freshDatabase("live_updates");
		a = start(url);
		b = start(url);
		String hash = a.getBean(PasswordEncoder.class).encode(PASSWORD);
		PeopleService people = a.getBean(PeopleService.class);
		people.seed("alice", "Alice", "Platform", List.of(), List.of(), hash, null);
		people.seed("bob", "Bob", "Platform", List.of(), List.of(), hash, null);
		people.seed("carol", "Carol", "Platform", List.of(), List.of(), hash, null);
		people.seed("maria", "Maria", "Platform", List.of(Role.MENTOR), List.of("java"), hash, null);
	}

	@AfterAll
	static void stop() {
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return Instances.start(url, "--handraise.live.heartbeat=1s", "--handraise.live.max-streams-per-person=3");
	}

	@Test
	void aClaimOnOneInstanceReachesTheAuthorsStreamOnTheOtherWithinFiveSeconds() throws Exception {
		long id = post("alice");
		String session = signIn(a, "alice");
		try (EventStream counts = EventStream.open(base(a), "/notifications/stream", session);
				EventStream page = EventStream.open(base(a), "/notifications/stream?request=" + id, session)) {
			assertThat(counts.status()).isEqualTo(200);
			assertThat(page.status()).isEqualTo(200);
			long before = unread("alice");

			claim(b, id);

			EventStream.Event unread = counts.next("unread", FIVE_SECONDS);
			assertThat(unread).as("an unread event within 5 s").isNotNull();
			assertThat(unread.data()).isEqualTo(String.valueOf(before + 1));
			EventStream.Event changed = page.next("request", FIVE_SECONDS);
			assertThat(changed).as("the watched request changed, within 5 s").isNotNull();
			assertThat(changed.data()).isEqualTo(String.valueOf(id));
		}
	}

	@Test
	void markingReadOnOneInstanceTellsThePersonsPagesOnTheOtherTheNewCount() throws Exception {
		long id = post("alice");
		claim(b, id);
		assertThat(unread("alice")).isPositive();
		String session = signIn(a, "alice");
		try (EventStream counts = EventStream.open(base(a), "/notifications/stream", session)) {
			assertThat(counts.status()).isEqualTo(200);

			assertThat(new Api(base(b)).post("/api/notifications/read-all", "alice", PASSWORD, Map.of()).status())
				.isEqualTo(204);

			EventStream.Event unread = counts.next("unread", FIVE_SECONDS);
			assertThat(unread).as("an unread event within 5 s").isNotNull();
			assertThat(unread.data()).isEqualTo("0");
		}
	}

	@Test
	void aPageOnOneInstanceShowsACountThatChangedOnTheOtherWithinFiveSeconds() throws Exception {
		long id = post("alice");
		long before = unread("alice");
		PageClient alice = PageClient.signedIn(base(a), "alice", PASSWORD);
		assertThat(badge(alice.get("/requests").body())).isEqualTo(before);
		assertThat(a.getBean(UnreadCounts.class).kept()).as("A keeps alice's count").isPositive();

		claim(b, id);
		assertThat(unread("alice")).isEqualTo(before + 1);

		long deadline = System.nanoTime() + FIVE_SECONDS.toNanos();
		long shown = badge(alice.get("/requests").body());
		while (shown != before + 1 && System.nanoTime() < deadline) {
			Thread.sleep(50);
			shown = badge(alice.get("/requests").body());
		}
		assertThat(shown).as("A's page shows the count changed on B within 5 s").isEqualTo(before + 1);
	}

	@Test
	void aChangeThatRollsBackReachesNobody() throws Exception {
		long id = post("alice");
		String session = signIn(a, "alice");
		try (EventStream page = EventStream.open(base(a), "/notifications/stream?request=" + id, session)) {
			new TransactionTemplate(b.getBean(PlatformTransactionManager.class)).executeWithoutResult((status) -> {
				b.getBean(RequestCommands.class).claim("maria", id);
				status.setRollbackOnly();
			});
			List<EventStream.Event> seen = page.during(Duration.ofSeconds(3));
			assertThat(seen).as("nothing after a rollback").isEmpty();

			claim(b, id);
			assertThat(page.next("request", FIVE_SECONDS)).as("the committed claim arrives").isNotNull();
		}
	}

	@Test
	void aKilledListeningConnectionIsOpenedAgainAndLaterChangesStillArrive() throws Exception {
		LiveListener listener = a.getBean(LiveListener.class);
		awaitTrue(() -> listener.backendPid() != 0, "A listens");
		int opened = listener.connectionsOpened();
		int pid = listener.backendPid();
		long id = post("alice");
		String session = signIn(a, "alice");
		try (EventStream counts = EventStream.open(base(a), "/notifications/stream", session)) {
			long before = unread("alice");
			assertThat(
					a.getBean(JdbcTemplate.class).queryForObject("select pg_terminate_backend(?)", Boolean.class, pid))
				.isTrue();

			awaitTrue(() -> listener.connectionsOpened() == opened + 1 && listener.backendPid() != 0,
					"A listens again");
			assertThat(listener.backendPid()).isNotEqualTo(pid);
			EventStream.Event refreshed = counts.next("unread", FIVE_SECONDS);
			assertThat(refreshed).as("streams are told to look again after the reconnection").isNotNull();
			assertThat(refreshed.data()).isEqualTo(String.valueOf(before));

			claim(b, id);
			EventStream.Event unread = counts.next("unread", FIVE_SECONDS);
			assertThat(unread).as("a later change arrives").isNotNull();
			assertThat(unread.data()).isEqualTo(String.valueOf(before + 1));
		}
	}

	@Test
	void anAnonymousRequestsEventsNameNobody() throws Exception {
		long id = post("alice", true);
		try (EventStream author = EventStream.open(base(a), "/notifications/stream?request=" + id, signIn(a, "alice"));
				EventStream other = EventStream.open(base(a), "/notifications/stream?request=" + id,
						signIn(a, "bob"))) {
			claim(b, id);
			List<EventStream.Event> seen = new ArrayList<>(author.during(Duration.ofSeconds(3)));
			seen.addAll(other.during(Duration.ofMillis(500)));
			assertThat(seen).extracting(EventStream.Event::name).contains("request", "unread");
			assertThat(seen).allSatisfy((event) -> assertThat(event.name() + " " + event.data() + " " + event.id())
				.doesNotContainIgnoringCase("alice")
				.doesNotContainIgnoringCase("maria")
				.matches("(request|unread) [0-9]+ [0-9]+"));
		}
	}

	@Test
	void theStreamNeedsASignedInPerson() {
		try (EventStream anonymous = EventStream.open(base(a), "/notifications/stream", null)) {
			assertThat(anonymous.status()).isEqualTo(401);
		}
		PageClient.Response plain = PageClient.anonymous(base(a)).get("/notifications/stream");
		assertThat(plain.status()).as("not the login page: a script reads it").isEqualTo(401);
		PageClient.Response login = PageClient.anonymous(base(a)).get("/notifications");
		assertThat(login.redirectsToLogin()).as("pages still go to the login page").isTrue();
	}

	@Test
	void aStreamThatWatchesOneRequestHearsOfNoOther() throws Exception {
		long watched = post("alice");
		long other = post("alice");
		String session = signIn(a, "bob");
		try (EventStream missing = EventStream.open(base(a), "/notifications/stream?request=999999", session)) {
			assertThat(missing.status()).isEqualTo(404);
		}
		try (EventStream page = EventStream.open(base(a), "/notifications/stream?request=" + watched, session)) {
			claim(b, other);
			claim(b, watched);
			List<EventStream.Event> seen = new ArrayList<>(page.during(Duration.ofSeconds(3)));
			assertThat(seen).extracting(EventStream.Event::name).containsOnly("request");
			assertThat(seen).extracting(EventStream.Event::data).containsOnly(String.valueOf(watched));
			assertThat(seen).isNotEmpty();
		}
	}

	@Test
	void onePersonsStreamsOnAnInstanceAreBoundedAndTheOldestGivesWay() throws Exception {
		String session = signIn(a, "carol");
		List<EventStream> streams = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				streams.add(EventStream.open(base(a), "/notifications/stream", session));
				assertThat(streams.get(i).status()).isEqualTo(200);
			}
			streams.add(EventStream.open(base(a), "/notifications/stream", session));
			assertThat(streams.get(3).status()).isEqualTo(200);
			assertThat(streams.get(0).next("superseded", FIVE_SECONDS)).as("the oldest is told").isNotNull();
			assertThat(streams.get(0).ended(FIVE_SECONDS)).as("and ends").isTrue();
			assertThat(streams.get(1).ended(Duration.ofMillis(500))).isFalse();
			assertThat(a.getBean(LiveUpdates.class).openStreams("carol")).isEqualTo(3);
			try (EventStream elsewhere = EventStream.open(base(b), "/notifications/stream", session)) {
				assertThat(elsewhere.status()).as("per instance").isEqualTo(200);
				assertThat(elsewhere.ended(Duration.ofMillis(500))).isFalse();
			}
		}
		finally {
			streams.forEach(EventStream::close);
		}
	}

	private static long post(String author) {
		return post(author, false);
	}

	private static long post(String author, boolean anonymous) {
		Api.Response posted = new Api(base(a)).post("/api/requests", author, PASSWORD,
				Map.of("title", "Flyway fails on a duplicate index", "details",
						"Our V7 migration fails on PostgreSQL with 'relation already exists'.", "topics",
						List.of("sql", "flyway"), "anonymous", anonymous));
		assertThat(posted.status()).isEqualTo(201);
		return posted.json().get("id").asLong();
	}

	private static void claim(ConfigurableApplicationContext on, long id) {
		assertThat(new Api(base(on)).post("/api/requests/" + id + "/claim", "maria", PASSWORD, Map.of()).status())
			.isEqualTo(200);
	}

	/**
	 * The person's unread count once the notifications listener has handled everything
	 * published so far.
	 */
	private static long unread(String username) throws InterruptedException {
		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
		awaitTrue(() -> jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and status <> 'FAILED'",
				Integer.class) == 0, "listeners done");
		return new Api(base(a)).get("/api/notifications?size=1", username, PASSWORD).json().get("unreadCount").asLong();
	}

	/** The count in a page's navigation bar. */
	private static long badge(String page) {
		Matcher badge = BADGE.matcher(page);
		assertThat(badge.find()).as("the navigation bar's unread badge").isTrue();
		return Long.parseLong(badge.group(1));
	}

	private static String signIn(ConfigurableApplicationContext on, String username) {
		return PageClient.signedIn(base(on), username, PASSWORD).cookie("SESSION");
	}

	private static String base(ConfigurableApplicationContext context) {
		return Instances.base(context);
	}

	private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("%s within 10 s", what).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
