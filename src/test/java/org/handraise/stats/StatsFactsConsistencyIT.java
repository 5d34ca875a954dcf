package org.handraise.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.handraise.people.Role;
import org.handraise.requests.Action;
import org.handraise.requests.RequestCommands;
import org.handraise.requests.RequestQueries;
import org.handraise.requests.RequestSeeding;
import org.handraise.requests.OfferDraft;
import org.handraise.requests.OfferView;
import org.handraise.requests.RequestDraft;
import org.handraise.requests.RequestView;
import org.handraise.support.PostgresIntegrationTest;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.CAROL;
import static org.handraise.support.DemoCast.DAVE;
import static org.handraise.support.DemoCast.ERIN;
import static org.handraise.support.DemoCast.MARCO;
import static org.handraise.support.DemoCast.MARIA;

/**
 * The derived statistics tables ({@code stats_request}, {@code stats_request_topic})
 * always agree with the raw tables: random lifecycles (posts, claims, releases, offers,
 * resolutions with and without an accepted offer, cancellations, reopenings, edits,
 * offers changed and withdrawn, thank-you notes, and refused actions whose transactions
 * roll back) are driven through the services on PostgreSQL, and after every few steps
 * every derived row is compared with the same figures recomputed from the raw tables by a
 * different formulation (grouped joins, as the migration's backfill).
 */
class StatsFactsConsistencyIT extends PostgresIntegrationTest {

	/** The facts recomputed from the raw tables (the V8 backfill's query). */
	private static final String EXPECTED = """
			select r.id as request_id, r.created_at,
			  cast(extract(epoch from r.created_at) as double precision) as created_epoch, r.author_id, r.anonymous,
			  r.status, r.resolved_at, cast(extract(epoch from r.resolved_at) as double precision) as resolved_epoch,
			  cast(extract(epoch from r.first_response_at) - extract(epoch from r.created_at) as double precision)
			    as first_response_s,
			  cast(extract(epoch from c.first_claim) - extract(epoch from r.created_at) as double precision)
			    as first_claim_s,
			  case when r.status = 'RESOLVED' then cast(extract(epoch from r.resolved_at)
			    - extract(epoch from r.created_at) as double precision) end as resolved_s,
			  case when r.status in ('RESOLVED', 'CANCELLED') then cast(extract(epoch from coalesce(r.resolved_at,
			    r.cancelled_at)) - extract(epoch from r.created_at) as double precision) end as closed_s,
			  ro.request_id is not null as reopened, th.request_id is not null as thanked,
			  case when r.anonymous then null else a.team_id end as team_id
			from help_requests r join people a on a.id = r.author_id
			left join (select e.request_id as request_id, min(e.occurred_at) as first_claim from request_events e
			  where e.kind = 'CLAIMED' group by e.request_id) c on c.request_id = r.id
			left join (select distinct e.request_id as request_id from request_events e
			  where e.kind = 'REOPENED') ro on ro.request_id = r.id
			left join (select distinct n.request_id as request_id from thank_you_notes n
			  where n.request_id is not null) th on th.request_id = r.id""";

	private static final String ACTUAL = """
			select request_id, created_at, created_epoch, author_id, anonymous, status,
			  resolved_at, resolved_epoch,
			  first_response_s, first_claim_s, resolved_s, closed_s, reopened, thanked, team_id from stats_request""";

	private static final String EXPECTED_TOPICS = """
			select rt.request_id, rt.topic_id, r.created_at, r.author_id,
			  r.anonymous, r.status, case when r.anonymous then null else a.team_id end as team_id
			from request_topics rt join help_requests r on r.id = rt.request_id join people a on a.id = r.author_id""";

	private static final String ACTUAL_TOPICS = """
			select request_id, topic_id, created_at, author_id, anonymous, status,
			  team_id from stats_request_topic""";

	/**
	 * The daily roll-ups (V10) grouped afresh from the raw tables, through the expected
	 * facts.
	 */
	private static final String EXPECTED_DAYS = """
			select cast(floor(x.created_epoch / 86400) as integer) as epoch_day,
			  x.status, x.anonymous, count(*) as posted, sum(case when x.reopened then 1 else 0 end) as reopened,
			  sum(case when x.first_response_s is not null or x.status = 'RESOLVED' or x.reopened then 1 else 0 end)
			    as answered, sum(case when x.thanked then 1 else 0 end) as thanked
			from (%s) x
			group by 1, 2, 3""".formatted(EXPECTED);

	/** The roll-ups summed over their shards, without keys whose sums are all zero. */
	private static final String ACTUAL_DAYS = """
			select epoch_day, status, anonymous, sum(posted) as posted,
			  sum(reopened) as reopened, sum(answered) as answered, sum(thanked) as thanked from stats_day
			group by epoch_day, status, anonymous
			having sum(posted) <> 0 or sum(reopened) <> 0 or sum(answered) <> 0 or sum(thanked) <> 0""";

	private static final String EXPECTED_DAY_TOPICS = """
			select cast(floor(extract(epoch from r.created_at) / 86400)
			  as integer) as epoch_day, rt.topic_id, r.status, count(*) as posted from request_topics rt
			join help_requests r on r.id = rt.request_id group by 1, 2, 3""";

	private static final String ACTUAL_DAY_TOPICS = """
			select epoch_day, topic_id, status, sum(posted) as posted
			from stats_day_topic group by epoch_day, topic_id, status having sum(posted) <> 0""";

	private static final String EXPECTED_DAYS_RESOLVED = """
			select cast(floor(extract(epoch from r.resolved_at) / 86400)
			  as integer) as epoch_day, count(*) as resolved from help_requests r where r.status = 'RESOLVED'
			group by 1""";

	private static final String ACTUAL_DAYS_RESOLVED = """
			select epoch_day, sum(resolved) as resolved
			from stats_day_resolved group by epoch_day having sum(resolved) <> 0""";

	private static final List<String> TOPICS = List.of("java", "sql", "kubernetes", "spring", "kotlin");

	private static final List<String> ASKERS = List.of("alice", "bob", "carol", "dave", "erin");

	private static final List<String> MENTORS = List.of("maria", "marco");

	@Autowired
	RequestCommands requests;

	@Autowired
	RequestQueries queries;

	@Autowired
	RequestSeeding seeding;

	@Autowired
	ThanksService thanks;

	@Test
	void randomLifecyclesKeepTheFactsInStepWithTheRawTables() {
		seed(ALICE, BOB.inTeam("Platform"), CAROL.inTeam("Mobile"), DAVE.inTeam("Mobile"),
				ERIN.inTeam("Data").withRoles(Role.MANAGER), MARIA.withSkills(), MARCO.withSkills());
		List<String> everyone = new ArrayList<>(ASKERS);
		everyone.addAll(MENTORS);
		Action[] actions = Action.values();
		for (long seed = 1; seed <= 4; seed++) {
			Random random = new Random(seed);
			Instant at = Instant.parse("2026-01-05T08:00:00Z").plus(Duration.ofDays(30 * seed));
			List<Long> ids = new ArrayList<>();
			int done = 0;
			int refused = 0;
			for (int step = 0; step < 200; step++) {
				at = at.plusSeconds(1 + random.nextInt(40_000)).plusMillis(random.nextInt(1000));
				int dice = random.nextInt(100);
				if (ids.isEmpty() || dice < 15) {
					String author = ASKERS.get(random.nextInt(ASKERS.size()));
					List<String> topics = List.of(TOPICS.get(random.nextInt(TOPICS.size())),
							TOPICS.get(random.nextInt(TOPICS.size())));
					RequestDraft draft = new RequestDraft("Help with " + topics.get(0), "Some details.", null,
							topics.stream().distinct().toList(), null, random.nextInt(5) == 0);
					ids.add(this.seeding.post(author, draft, at).id());
					done++;
				}
				else if (randomStep(random, ids.get(random.nextInt(ids.size())), everyone, actions, at)) {
					done++;
				}
				else {
					refused++;
				}
				if (step % 25 == 24) {
					assertInStep();
				}
			}
			assertThat(done).isGreaterThan(50);
			assertThat(refused).isGreaterThan(0);
			assertInStep();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from stats_request where reopened", Long.class))
			.isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from stats_request where thanked", Long.class))
			.isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from request_events where kind = 'EDITED'", Long.class))
			.as("requests were edited")
			.isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from request_events where kind = 'OFFER_WITHDRAWN'",
				Long.class))
			.as("offers were withdrawn")
			.isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from stats_request where status = 'RESOLVED'", Long.class))
			.isPositive();
	}

	/**
	 * Many transactions changing requests of the same day at once (posting, claiming,
	 * offering, resolving) all count in the daily roll-ups: none is lost to another's
	 * update and none deadlocks.
	 */
	@Test
	void concurrentChangesOfOneDayAllCount() throws Exception {
		for (String asker : ASKERS) {
			person(asker, "Platform", List.of());
		}
		for (String mentor : MENTORS) {
			person(mentor, "Data", List.of(), Role.MENTOR);
		}
		Instant day = Instant.parse("2026-03-02T09:00:00Z");
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			done.add(pool.submit(() -> {
				start.await();
				String author = ASKERS.get(thread % ASKERS.size());
				String mentor = MENTORS.get(thread % MENTORS.size());
				int steps = 0;
				for (int i = 0; i < 6; i++) {
					Instant at = day.plusSeconds(thread * 100L + i * 10L);
					RequestDraft draft = new RequestDraft("Help with java " + thread + "-" + i, "Some details.", null,
							List.of(TOPICS.get(i % TOPICS.size())), null, i % 3 == 0);
					long id = this.seeding.post(author, draft, at).id();
					this.seeding.act(mentor, id, Action.CLAIM, at.plusSeconds(1), null, null);
					this.seeding.act(mentor, id, Action.OFFER, at.plusSeconds(2), "Try this.", null);
					if (i % 2 == 0) {
						this.seeding.act(author, id, Action.RESOLVE, at.plusSeconds(3), null, null);
					}
					steps++;
				}
				return steps;
			}));
		}
		start.countDown();
		int steps = 0;
		for (Future<Integer> future : done) {
			steps += future.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		assertThat(steps).isEqualTo(threads * 6);
		assertInStep();
		assertThat(this.jdbc.queryForObject("select sum(posted) from stats_day", Long.class)).isEqualTo(threads * 6L);
		assertThat(this.jdbc.queryForObject("select sum(resolved) from stats_day_resolved", Long.class))
			.isEqualTo(threads * 3L);
	}

	/**
	 * A thank-you note and a transition of the same request at the same moment both
	 * change its facts: both succeed (the facts of one request are recomputed by one
	 * transaction at a time) and the facts stay in step.
	 */
	@Test
	void aNoteAndATransitionOfOneRequestAtOnceBothSucceed() throws Exception {
		seed(ALICE, MARIA.withSkills());
		Instant at = Instant.parse("2026-04-06T09:00:00Z");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				Instant t = at.plusSeconds(600L * round);
				long id = this.seeding
					.post("alice",
							new RequestDraft("Help with java " + round, "Some details.", null, List.of("java"), null,
									false),
							t)
					.id();
				this.seeding.act("maria", id, Action.CLAIM, t.plusSeconds(1), null, null);
				this.seeding.act("maria", id, Action.OFFER, t.plusSeconds(2), "Try this.", null);
				CountDownLatch start = new CountDownLatch(1);
				Future<?> note = pool.submit(() -> {
					start.await();
					return this.thanks.send("alice", new ThanksDraft("maria", "Thanks!", id, true), t.plusSeconds(3));
				});
				Future<?> resolve = pool.submit(() -> {
					start.await();
					return this.seeding.act("alice", id, Action.RESOLVE, t.plusSeconds(3), null, null);
				});
				start.countDown();
				note.get(1, TimeUnit.MINUTES);
				resolve.get(1, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdown();
		}
		assertInStep();
		assertThat(this.jdbc.queryForObject("select count(*) from stats_request where thanked and status = 'RESOLVED'",
				Long.class))
			.isEqualTo(20);
	}

	/**
	 * A random action on request {@code id} (the author resolves, cancels, reopens and
	 * edits; anyone else claims, releases and offers), or a thank-you note from the
	 * author; {@code false} when the rules refused it (and its transaction rolled back).
	 */
	private boolean randomStep(Random random, long id, List<String> everyone, Action[] actions, Instant at) {
		String actor = everyone.get(random.nextInt(everyone.size()));
		try {
			if (random.nextInt(8) == 0) {
				// a helper changes or takes back their latest offer: a withdrawn last
				// offer is no longer a response
				RequestView view = this.queries.view(actor, id);
				List<OfferView> mine = view.offers().stream().filter(OfferView::mine).toList();
				if (mine.isEmpty()) {
					return false;
				}
				long offer = mine.get(mine.size() - 1).id();
				if (random.nextBoolean()) {
					this.requests.withdrawOffer(actor, id, offer);
				}
				else {
					this.requests.editOffer(actor, id, offer, new OfferDraft("On second thoughts, try this."));
				}
			}
			else if (random.nextInt(4) == 0) {
				String author = this.jdbc.queryForObject(
						"select p.username from help_requests r join people p on p.id = r.author_id where r.id = ?",
						String.class, id);
				this.thanks.send(author, new ThanksDraft(actor, "Thanks!", id, random.nextBoolean()), at);
			}
			else {
				String author = this.jdbc.queryForObject(
						"select p.username from help_requests r join people p on p.id = r.author_id where r.id = ?",
						String.class, id);
				Action action = actions[random.nextInt(actions.length)];
				if (action == Action.EDIT) {
					// the author edits: a line in the history that counts for nothing,
					// and new topics
					String topic = TOPICS.get(random.nextInt(TOPICS.size()));
					this.requests.edit(author, id,
							new RequestDraft("Help with " + topic, "More details.", null, List.of(topic), null, false));
					return true;
				}
				String who = (action == Action.RESOLVE || action == Action.CANCEL || action == Action.REOPEN) ? author
						: actor;
				RequestView view = this.queries.view(who, id);
				Long accepted = (action == Action.RESOLVE && !view.offers().isEmpty() && random.nextBoolean())
						? view.offers().get(0).id() : null;
				this.seeding.act(who, id, action, at.plusMillis(1 + random.nextInt(900)), "Have a look at this.",
						accepted);
			}
			return true;
		}
		catch (RuntimeException refused) {
			return false;
		}
	}

	private void assertInStep() {
		assertSame(EXPECTED, ACTUAL);
		assertSame(EXPECTED_TOPICS, ACTUAL_TOPICS);
		assertSame(EXPECTED_DAYS, ACTUAL_DAYS);
		assertSame(EXPECTED_DAY_TOPICS, ACTUAL_DAY_TOPICS);
		assertSame(EXPECTED_DAYS_RESOLVED, ACTUAL_DAYS_RESOLVED);
	}

	private void assertSame(String expected, String actual) {
		List<Map<String, Object>> missing = this.jdbc.queryForList("(" + expected + ") except (" + actual + ")");
		List<Map<String, Object>> extra = this.jdbc.queryForList("(" + actual + ") except (" + expected + ")");
		assertThat(missing).as("rows the derived table lacks or has wrong").isEmpty();
		assertThat(extra).as("rows the derived table should not have").isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from (" + actual + ") x", Long.class))
			.isEqualTo(this.jdbc.queryForObject("select count(*) from (" + expected + ") x", Long.class));
	}

}
