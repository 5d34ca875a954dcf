package org.handraise.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.handraise.people.PeopleService;
import org.handraise.people.PersonView;
import org.handraise.requests.EventView;
import org.handraise.requests.RequestQueries;
import org.handraise.requests.OfferView;
import org.handraise.requests.RequestFilter;
import org.handraise.requests.RequestStatus;
import org.handraise.requests.RequestSummary;
import org.handraise.requests.RequestView;
import org.handraise.thanks.ThanksService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data as the app loads it on startup into an empty in-memory database.
 */
// The default mock web environment starts no server; NONE would not do, since the
// security filter chains need the servlet-only HttpSecurity bean.
@SpringBootTest
@TestPropertySource(properties = { "handraise.demo-data=true",
		"spring.datasource.url=jdbc:h2:mem:demo-${random.uuid};MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
class DemoDataIT {

	@Autowired
	DemoData demoData;

	@Autowired
	PeopleService people;

	@Autowired
	RequestQueries queries;

	@Autowired
	ThanksService thanks;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSixDemoAccountsHaveTheirRolesTeamsAndSkills() {
		assertPerson("alice", "Platform", List.of("EMPLOYEE"), List.of());
		assertPerson("bob", "Mobile", List.of("EMPLOYEE"), List.of());
		assertPerson("maria", "Platform", List.of("EMPLOYEE", "MENTOR"), List.of("java", "spring", "sql"));
		assertPerson("marco", "Data", List.of("EMPLOYEE", "MENTOR"), List.of("kubernetes", "python", "sql"));
		assertPerson("grace", null, List.of("EMPLOYEE", "MANAGER"), List.of());
		assertPerson("admin", null, List.of("ADMIN", "EMPLOYEE"), List.of());
		assertThat(this.people.view("maria").availability()).isNotBlank();
		assertThat(this.people.view("marco").availability()).isNotBlank();
	}

	@Test
	void everyDemoAccountSignsInWithTheSamePassword() {
		List<String> hashes = new ArrayList<>();
		for (String username : DemoCatalog.SIGN_IN_NAMES) {
			String hash = this.people.credentials(username).orElseThrow().passwordHash();
			assertThat(this.passwordEncoder.matches("demo", hash)).as(username).isTrue();
			hashes.add(hash);
		}
		assertThat(hashes).as("encoded once and reused").containsOnly(hashes.get(0));
	}

	@Test
	void everyTeamHasAtLeastThreePeopleAsking() {
		List<Map<String, Object>> askers = this.jdbc.queryForList("""
				select t.name as team,
				count(distinct r.author_id) as askers from help_requests r join people p on p.id = r.author_id
				join teams t on t.id = p.team_id group by t.name""");
		assertThat(askers).extracting((row) -> row.get("team")).containsExactlyInAnyOrder("Platform", "Mobile", "Data");
		assertThat(askers)
			.allSatisfy((row) -> assertThat(((Number) row.get("askers")).intValue()).isGreaterThanOrEqualTo(3));
	}

	@Test
	void requestsCoverEveryStatus() {
		Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
		for (RequestStatus status : RequestStatus.values()) {
			counts.put(status, this.queries.search("admin", byStatus(status), 0, 100).getTotalElements());
		}
		assertThat(counts.values()).allSatisfy((count) -> assertThat(count).isPositive());
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isBetween(25L, 40L);
	}

	@Test
	void theHistoriesShowEveryKindOfEnding() {
		List<RequestView> all = allRequests();
		List<RequestView> resolved = all.stream().filter((r) -> r.status() == RequestStatus.RESOLVED).toList();
		assertThat(resolved).as("resolved with an accepted offer")
			.anySatisfy((r) -> assertThat(r.offers()).anyMatch(OfferView::accepted));
		assertThat(resolved).as("resolved without accepting an offer")
			.anySatisfy((r) -> assertThat(r.offers()).noneMatch(OfferView::accepted));
		assertThat(all).as("reopened")
			.anySatisfy((r) -> assertThat(r.history())
				.anyMatch((e) -> e.from() == RequestStatus.RESOLVED && e.to() == RequestStatus.OPEN));
		assertThat(all).as("released")
			.anySatisfy((r) -> assertThat(r.history())
				.anyMatch((e) -> e.from() == RequestStatus.CLAIMED && e.to() == RequestStatus.OPEN));
		assertThat(this.queries.search("admin", byStatus(RequestStatus.OPEN), 0, 100).getContent())
			.as("open, never claimed, older than two weeks")
			.anySatisfy((r) -> {
				assertThat(r.claimedBy()).isNull();
				assertThat(r.createdAt()).isBefore(Instant.now().minus(Duration.ofDays(14)));
			});
		List<String> helpers = all.stream()
			.flatMap((r) -> r.offers().stream())
			.map((o) -> o.helper().username())
			.distinct()
			.toList();
		assertThat(helpers).as("offers from mentors and from peers").contains("maria", "marco", "lena", "tom", "priya");
	}

	@Test
	void someOfAlicesRequestsAreAnonymousAndOneIsStillOpen() {
		RequestFilter mine = new RequestFilter(null, null, true, false, false, null, null);
		List<RequestSummary> anonymous = this.queries.search("alice", mine, 0, 100)
			.stream()
			.filter(RequestSummary::anonymous)
			.toList();
		assertThat(anonymous).hasSizeGreaterThanOrEqualTo(2).anyMatch((r) -> r.status() == RequestStatus.OPEN);
		assertThat(this.queries.search("bob", RequestFilter.none(), 0, 100).getContent())
			.filteredOn(RequestSummary::anonymous)
			.isNotEmpty()
			.allSatisfy((r) -> assertThat(r.author()).isNull());
	}

	@Test
	void thereArePublicAndPrivateThanks() {
		assertThat(this.thanks.wall("admin", 0, 100).getContent()).hasSizeGreaterThanOrEqualTo(5);
		assertThat(this.jdbc.queryForObject("select count(*) from thank_you_notes where is_public = false", Long.class))
			.isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from thank_you_notes where request_id is not null",
				Long.class))
			.isGreaterThanOrEqualTo(10);
	}

	@Test
	void nothingIsDatedInTheFutureAndEveryHistoryIsInOrder() {
		Instant now = Instant.now();
		for (String column : List.of("people.created_at", "help_requests.created_at", "help_requests.updated_at",
				"help_requests.claimed_at", "help_requests.first_response_at", "help_requests.resolved_at",
				"help_requests.cancelled_at", "offers.created_at", "request_events.occurred_at",
				"thank_you_notes.created_at")) {
			String[] tableAndColumn = column.split("\\.");
			OffsetDateTime latest = this.jdbc.queryForObject(
					"select max(" + tableAndColumn[1] + ") from " + tableAndColumn[0], OffsetDateTime.class);
			if (latest != null) {
				assertThat(latest.toInstant()).as(column).isBeforeOrEqualTo(now);
			}
		}
		for (RequestView request : allRequests()) {
			List<Instant> times = request.history().stream().map(EventView::at).toList();
			assertThat(times).as("#" + request.id()).isSorted().doesNotHaveDuplicates();
			assertThat(times.get(0)).isEqualTo(request.createdAt());
			assertThat(request.offers()).allSatisfy((o) -> assertThat(o.createdAt()).isAfter(request.createdAt()));
		}
		assertThat(this.jdbc.queryForObject("""
				select count(*) from thank_you_notes n join help_requests r
				on r.id = n.request_id where n.created_at <= r.created_at""", Long.class))
			.as("thanks after the request")
			.isZero();
	}

	@Test
	void loadingAgainAddsNothing() {
		Map<String, Long> before = rowCounts();
		assertThat(this.demoData.load()).isFalse();
		assertThat(rowCounts()).isEqualTo(before);
	}

	private void assertPerson(String username, String team, List<String> roles, List<String> skills) {
		PersonView person = this.people.view(username);
		assertThat(person.team()).as(username).isEqualTo(team);
		assertThat(person.roles()).as(username).containsExactlyElementsOf(roles);
		assertThat(person.skills()).as(username).containsExactlyElementsOf(skills);
	}

	private List<RequestView> allRequests() {
		return this.queries.search("admin", RequestFilter.none(), 0, 100)
			.stream()
			.map((r) -> this.queries.view("admin", r.id()))
			.toList();
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : List.of("people", "teams", "topics", "help_requests", "offers", "request_events",
				"thank_you_notes")) {
			counts.put(table, this.jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

	private static RequestFilter byStatus(RequestStatus status) {
		return new RequestFilter(status, null, false, false, false, null, null);
	}

}
