package org.handraise.requests;

import java.util.List;
import java.util.function.IntSupplier;

import jakarta.persistence.EntityManagerFactory;
import org.handraise.people.Role;
import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksService;
import org.handraise.tokens.AccessTokenService;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.CAROL;
import static org.handraise.support.DemoCast.DAVE;
import static org.handraise.support.DemoCast.ERIN;
import static org.handraise.support.DemoCast.GINA;

/**
 * No N+1: every page and API read issues the same, small number of SQL statements whether
 * the database holds 5 requests or 60 (with topics, offers, claims, anonymous and
 * resolved requests, several authors and helpers), and whether the request on a detail
 * page has one offer or six. Counted with Hibernate statistics (statements Hibernate
 * prepares: the JPA reads, including sign-in look-ups over the API; Spring Session's own
 * JDBC is not counted). Not a timed test: the guard is the count.
 */
@TestPropertySource(properties = { "spring.jpa.properties.hibernate.generate_statistics=true",
		"spring.jpa.properties.hibernate.session_factory.statement_inspector="
				+ "org.handraise.requests.StatementCountIT$Recorder" })
class StatementCountIT extends PostgresIntegrationTest {

	/**
	 * The viewer: a mentor (so the home page also shows suggestions) who asks, claims and
	 * is asked.
	 */
	private static final String VIEWER = "maria";

	private static final List<String> AUTHORS = List.of("alice", "bob", VIEWER, "carol");

	private static final List<String> TOPICS = List.of("java", "sql", "kubernetes", "react", "flyway", "git");

	@Autowired
	private RequestCommands requests;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private AccessTokenService tokens;

	@Autowired
	private ThanksService thanks;

	private Statistics statistics;

	private Api api;

	private long detailId;

	private String token;

	/**
	 * What is measured, each as the viewer would see it, with the most statements it may
	 * take. The paged lists (20 a page) add exactly one statement once their first page
	 * is full: Spring Data counts the total only then ({@code pageCount}), so with 60
	 * requests they take one more than with 5, and never more than that.
	 */
	enum Read {

		LIST_PAGE(6, 1),
		/**
		 * The home page: the viewer, their open requests, what they hold, the queue's
		 * first ids and requests, their authors, topics and offers (7), and "since your
		 * last visit": the thank-you notes to them, then one statement for the offers on
		 * their requests, their claims resolved and the titles of the notes' requests
		 * (2). Each is capped, so the count stays the same with any number of them. The
		 * first home page of a session also reads and writes when the viewer was last
		 * seen; the count is taken on a later one.
		 */
		HOME_PAGE(9, 0), DETAIL_PAGE(4, 0), API_LIST(6, 1), API_DETAIL(5, 0), API_LIST_TOKEN(6, 1),
		API_DETAIL_TOKEN(5, 0);

		final int bound;

		final int pageCount;

		Read(int bound, int pageCount) {
			this.bound = bound;
			this.pageCount = pageCount;
		}

	}

	@BeforeEach
	void people() {
		this.statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, CAROL.inTeam("Payments"));
		person(VIEWER, "Platform", List.of("java", "sql"), Role.MENTOR);
		seed(DAVE.withSkills("kubernetes", "react").withRoles(Role.MENTOR), ERIN.inTeam("Mobile"));
		person("frank", "Search", List.of());
		seed(GINA);
	}

	@ParameterizedTest
	@EnumSource(Read.class)
	void theStatementCountDoesNotGrowWithTheData(Read read) {
		PageClient page = PageClient.signedIn(baseUrl(), VIEWER, PASSWORD);

		seed(1, 5);
		this.detailId = 4; // alice's, resolved, two offers, three events
		Measured small = count(read, page);

		seed(6, 60);
		this.detailId = busyRequest(); // alice's, resolved, six offers from six people,
										// eight events by four actors
		Measured large = count(read, page);

		System.out.printf("statements %-12s 5 requests: %2d, 60 requests: %2d%n", read, small.count(), large.count());
		assertThat(large.count())
			.as("%s: statements with 60 requests vs with 5 (N+1 when it grows)%nwith 5:%s%nwith 60:%s", read, small,
					large)
			.isEqualTo(small.count() + read.pageCount);
		assertThat(large.count()).as("%s: statements per read%n%s", read, large).isLessThanOrEqualTo(read.bound);
	}

	record Measured(int count, List<String> sql) {

		@Override
		public String toString() {
			return "\n  " + String.join("\n  ", this.sql);
		}

	}

	private Measured count(Read read, PageClient page) {
		IntSupplier call = switch (read) {
			case LIST_PAGE -> () -> page.get("/requests").status();
			case HOME_PAGE -> () -> page.get("/").status();
			case DETAIL_PAGE -> () -> page.get("/requests/" + this.detailId).status();
			case API_LIST -> () -> this.api.get("/api/requests", VIEWER, PASSWORD).status();
			case API_DETAIL -> () -> this.api.get("/api/requests/" + this.detailId, VIEWER, PASSWORD).status();
			case API_LIST_TOKEN -> () -> this.api.getWithToken("/api/requests", token()).status();
			case API_DETAIL_TOKEN -> () -> this.api.getWithToken("/api/requests/" + this.detailId, token()).status();
		};
		assertThat(call.getAsInt()).as("%s answers", read).isEqualTo(200); // warm:
																			// first-call
																			// effects are
																			// not counted
		this.statistics.clear();
		Recorder.SQL.clear();
		assertThat(call.getAsInt()).isEqualTo(200);
		return new Measured((int) this.statistics.getPrepareStatementCount(), List.copyOf(Recorder.SQL));
	}

	/** A personal access token of the viewer's, as the benchmark's API calls use. */
	private String token() {
		if (this.token == null) {
			this.token = this.tokens.create(VIEWER, "statement counts", null).token();
		}
		return this.token;
	}

	/**
	 * Requests {@code from..to}: rotating authors and topics, some anonymous; every fifth
	 * left open, the others in turn claimed (and left claimed, the claimer thanked when
	 * it is the viewer), answered by two helpers, or claimed and answered by the claimer;
	 * some resolved.
	 */
	private void seed(int from, int to) {
		for (int k = from; k <= to; k++) {
			String author = AUTHORS.get(k % AUTHORS.size());
			long id = this.requests
				.post(author,
						new RequestDraft("Request number " + k + " needs a hand",
								"Details of request " + k + ", long enough to be a real question.",
								(k % 2 == 0) ? "Tried" : null,
								List.of(TOPICS.get(k % TOPICS.size()), TOPICS.get((k + 1) % TOPICS.size())),
								(k % 5 == 0) ? "HIGH" : "NORMAL", k % 7 == 3))
				.id();
			if (k % 5 == 0) {
				continue;
			}
			switch (k % 3) {
				case 0 -> {
					this.requests.claim(author.equals(VIEWER) ? "dave" : VIEWER, id);
					if (!author.equals(VIEWER)) {
						this.thanks.send(author,
								new ThanksDraft(VIEWER, "Thanks for taking request " + k + ".", id, k % 2 == 0));
					}
				}
				case 1 -> {
					offer("erin", id);
					offer("frank", id);
				}
				default -> {
					this.requests.claim("dave", id);
					offer("dave", id);
				}
			}
			if (k % 5 == 4 && k % 3 != 0) {
				this.requests.resolve(author, id, null);
			}
		}
	}

	/**
	 * A request with a long history: claimed, released, claimed again, six offers,
	 * resolved. Like request 4 it is alice's and the viewer has no part in it, so the two
	 * detail reads load the same kinds of rows.
	 */
	private long busyRequest() {
		long id = this.requests
			.post("alice",
					new RequestDraft("A busy request with many helpers", "Everyone had an idea about this one.", null,
							List.of("java", "sql", "git"), "HIGH", false))
			.id();
		this.requests.claim("dave", id);
		this.requests.release("dave", id);
		this.requests.claim("gina", id);
		for (String helper : List.of("bob", "carol", "dave", "erin", "frank", "gina")) {
			offer(helper, id);
		}
		this.requests.resolve("alice", id, null);
		return id;
	}

	private void offer(String helper, long id) {
		this.requests.offer(helper, id, new OfferDraft("I can help with request " + id + ", let us pair on it."));
	}

	/**
	 * Keeps the SQL of the last read, so that a failure shows which statements were
	 * added.
	 */
	public static class Recorder implements org.hibernate.resource.jdbc.spi.StatementInspector {

		static final List<String> SQL = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public String inspect(String sql) {
			SQL.add(sql.replaceAll("\\s+", " ").replaceAll("^select .*? from ", "select ... from "));
			return sql;
		}

	}

}
