package org.handraise.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.handraise.people.Role;
import org.handraise.requests.RequestCommands;
import org.handraise.requests.OfferDraft;
import org.handraise.requests.RequestDraft;
import org.handraise.support.Api;
import org.handraise.support.EventStream;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksService;
import org.handraise.tokens.AccessTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.CAROL;
import static org.handraise.support.DemoCast.DAVE;
import static org.handraise.support.DemoCast.GRACE;
import static org.handraise.support.DemoCast.MARCO;
import static org.handraise.support.DemoCast.MARIA;

/**
 * Every endpoint x every role, driven by {@code authorization-matrix.csv}: each cell sets
 * up fresh data in the state its row names, makes one real HTTP call as that role and
 * checks the answer. The API is called with HTTP Basic; the pages through a signed-in
 * session with the CSRF token a form would carry. A controller method that the table does
 * not list fails the build.
 */
class AuthorizationMatrixIT extends PostgresIntegrationTest {

	/** Email settings, as a body or a form. */
	private static final Map<String, String> SETTINGS = Map.of("myRequests", "IMMEDIATE", "helping", "DAILY",
			"skillMatches", "WEEKLY", "thanks", "OFF");

	static final List<String> ROLES = List.of("nobody", "employee", "mentor", "manager", "admin", "author", "other");

	private static final Map<String, String> USERS = Map.of("employee", "bob", "mentor", "maria", "manager", "grace",
			"admin", "admin", "author", "alice", "other", "carol");

	/**
	 * Signed-in page sessions, one per role and server: signing in costs a password hash,
	 * a session does not.
	 */
	private static final Map<String, PageClient> SESSIONS = new ConcurrentHashMap<>();

	@Autowired
	private RequestCommands requests;

	@Autowired
	private ThanksService thanks;

	@Autowired
	private AccessTokenService tokens;

	@Autowired
	private ApplicationContext context;

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, CAROL, DAVE, MARIA.withSkills("java", "spring", "sql"), MARCO.withSkills("python", "sql"),
				GRACE);
		person("admin", null, List.of(), Role.ADMIN);
		this.requests.post("carol", draft("Carol's own question about Gradle caches"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cells")
	void eachRoleGetsExactlyTheAnswerTheMatrixSays(Cell cell) {
		Fixture fixture = arrange(cell.row().fixture());
		String path = cell.row()
			.path()
			.replace("{id}", String.valueOf(fixture.requestId()))
			.replace("{username}", "dave")
			.replace("{offerId}", String.valueOf(fixture.offerId()))
			.replace("{token}", "616c696365-00000000000000000000000000000000");
		if (path.startsWith("/api/")) {
			callApi(cell, fixture, path);
		}
		else {
			callPage(cell, fixture, path);
		}
	}

	@Test
	void everyControllerMethodOfTheApplicationIsInTheMatrix() {
		RequestMappingHandlerMapping mapping = this.context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		Set<String> listed = new TreeSet<>();
		rows().forEach((row) -> listed.add(row.method() + " " + row.path()));
		Set<String> handled = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getName().startsWith("org.handraise.")) {
				continue;
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			for (String pattern : entry.getKey().getPatternValues()) {
				if (methods.isEmpty()) {
					handled.add("ANY " + pattern + " (" + entry.getValue() + ")");
				}
				methods.forEach((m) -> handled.add(m.name() + " " + pattern));
			}
		}
		assertThat(handled).as("controller methods found").isNotEmpty();
		Set<String> missing = new TreeSet<>(handled);
		missing.removeAll(listed);
		assertThat(missing).as("endpoints without a row in authorization-matrix.csv").isEmpty();
		Set<String> stale = new TreeSet<>(listed);
		stale.removeAll(handled);
		assertThat(stale).as("rows in authorization-matrix.csv for endpoints that no longer exist").isEmpty();
	}

	@Test
	void everyRowOfTheMatrixHasAnAnswerForEveryRole() {
		List<Row> rows = rows();
		assertThat(rows).hasSizeGreaterThan(40);
		rows.forEach((row) -> assertThat(row.expected().keySet()).as(row.toString()).containsExactlyElementsOf(ROLES));
	}

	@Test
	void aPagePostWithoutACsrfTokenIsRefusedAndChangesNothing() {
		long id = arrange("OPEN").requestId();
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		PageClient.Response cancel = alice.postRaw("/requests/" + id + "/cancel", Map.of());
		assertThat(cancel.status()).isEqualTo(403);
		PageClient.Response posted = alice.postRaw("/requests",
				Map.of("title", "A request without a token", "details", "Should never be stored."));
		assertThat(posted.status()).isEqualTo(403);
		assertThat(status(id)).isEqualTo("OPEN");
		assertThat(count("help_requests")).isEqualTo(2);

		PageClient admin = PageClient.signedIn(baseUrl(), "admin", PASSWORD);
		assertThat(admin.postRaw("/admin/people/dave/deactivate", Map.of()).status()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select active from people where username = 'dave'", Boolean.class))
			.isTrue();
	}

	@Test
	void aPagePostWithAForeignOrForgedCsrfTokenIsRefused() {
		long id = arrange("OPEN").requestId();
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		PageClient bob = PageClient.signedIn(baseUrl(), "bob", PASSWORD);
		assertThat(alice.postRaw("/requests/" + id + "/cancel", Map.of("_csrf", "forged-token")).status())
			.isEqualTo(403);
		assertThat(alice.postRaw("/requests/" + id + "/cancel", Map.of("_csrf", bob.csrfToken())).status())
			.isEqualTo(403);
		assertThat(status(id)).isEqualTo("OPEN");
		assertThat(alice.post("/requests/" + id + "/cancel", Map.of()).status()).isEqualTo(302);
		assertThat(status(id)).isEqualTo("CANCELLED");
	}

	@Test
	void aSignInFormWithoutACsrfTokenIsRefused() {
		PageClient visitor = PageClient.anonymous(baseUrl());
		PageClient.Response signIn = visitor.postRaw("/login", Map.of("username", "alice", "password", PASSWORD));
		assertThat(signIn.status()).isEqualTo(403);
	}

	// one cell

	private void callApi(Cell cell, Fixture fixture, String path) {
		String user = USERS.get(cell.role());
		Api.Response response = this.api.send(cell.row().method(), path, user, (user != null) ? PASSWORD : null,
				apiBody(cell.row().input(), fixture));
		int expected = Integer.parseInt(cell.expected());
		assertThat(response.status()).as("%s\n%s", cell, response.body()).isEqualTo(expected);
		if (expected >= 400) {
			assertThat(response.isProblem()).as("%s answers with application/problem+json", cell).isTrue();
			assertThat(response.json().get("status").asInt()).isEqualTo(expected);
		}
	}

	private void callPage(Cell cell, Fixture fixture, String path) {
		PageClient page = session(cell.role());
		if (path.equals("/notifications/stream")) {
			// an event stream does not end: read its status and headers, then close it
			try (EventStream stream = EventStream.open(baseUrl(), path,
					USERS.containsKey(cell.role()) ? page.cookie("SESSION") : null)) {
				assertThat(stream.status()).as(cell.toString()).isEqualTo(Integer.parseInt(cell.expected()));
			}
			return;
		}
		PageClient.Response response = call(page, cell, fixture, path);
		if (USERS.containsKey(cell.role()) && response.redirectsToLogin()) {
			// the reused session has gone (expired or cleaned away): sign in afresh once,
			// then judge
			SESSIONS.remove(this.port + ":" + cell.role());
			page = session(cell.role());
			response = call(page, cell, fixture, path);
		}
		// Follow a redirect at once, whatever is expected: the flash message it carries
		// must not be left in the (reused) session for the next cell to read.
		PageClient.Response next = (response.status() == 302 && !response.redirectsToLogin()) ? page.follow(response)
				: null;
		String expected = cell.expected();
		String shown = "%s\n-> %d %s".formatted(cell, response.status(),
				(response.location() != null) ? response.location() : "");
		switch (expected) {
			case "login" -> assertThat(response.redirectsToLogin()).as(shown).isTrue();
			case "done", "refused" -> {
				assertThat(response.status()).as(shown).isEqualTo(302);
				assertThat(response.redirectPath()).as(shown).isNotEqualTo("/login");
				assertThat(next.status()).as(shown).isEqualTo(200);
				assertThat(next.body())
					.as(shown + "\nthe page after the redirect says "
							+ (expected.equals("done") ? "it worked" : "why not"))
					.contains(expected.equals("done") ? "alert-success" : "alert-warning");
			}
			case "shown" -> {
				assertThat(response.status()).as(shown).isEqualTo(200);
				assertThat(response.body()).as(shown + "\nthe page says it worked").contains("alert-success");
			}
			default -> assertThat(response.status()).as(shown).isEqualTo(Integer.parseInt(expected));
		}
	}

	private PageClient.Response call(PageClient page, Cell cell, Fixture fixture, String path) {
		return cell.row().method().equals("GET") ? page.get(path) : page.post(path, form(cell.row().input(), fixture));
	}

	private PageClient session(String role) {
		String user = USERS.get(role);
		return SESSIONS.computeIfAbsent(this.port + ":" + role, (key) -> (user == null)
				? PageClient.anonymous(baseUrl()) : PageClient.signedIn(baseUrl(), user, PASSWORD));
	}

	// data

	/**
	 * Alice's request in the state a row names, made through the services as people
	 * would; or a thank-you note from alice to carol.
	 */
	private Fixture arrange(String state) {
		if (state.equals("NONE")) {
			return new Fixture(-1, null);
		}
		if (state.endsWith("_NOTE")) {
			boolean onTheWall = state.equals("PUBLIC_NOTE");
			long note = this.thanks
				.send("alice", new ThanksDraft("carol", "Thanks for pairing on the flaky test!", null, onTheWall))
				.id();
			return new Fixture(note, null);
		}
		if (state.equals("ALICE_NOTIFICATION")) {
			long request = this.requests.post("alice", draft("Why does the build cache miss on CI?")).id();
			this.requests.claim("maria", request);
			awaitListeners();
			return new Fixture(this.jdbc.queryForObject(
					"select id from notifications where recipient = 'alice' and kind = 'REQUEST_CLAIMED'", Long.class),
					null);
		}
		if (state.equals("ALICE_TOKEN")) {
			return new Fixture(this.tokens.create("alice", "alice's script", null).view().id(), null);
		}
		if (state.equals("DAVE_INACTIVE")) {
			this.jdbc.update("update people set active = false where username = 'dave'");
			return new Fixture(-1, null);
		}
		long id = this.requests.post("alice", draft("How do I test a Flyway migration on PostgreSQL?")).id();
		Long offerId = null;
		switch (state) {
			case "OPEN" -> {
			}
			case "CLAIMED" -> this.requests.claim("maria", id);
			case "CLAIMED_BY_MARCO" -> this.requests.claim("marco", id);
			case "ANSWERED" -> {
				this.requests.claim("maria", id);
				offerId = this.requests.offer("marco", id, new OfferDraft("Use embedded PostgreSQL in a test.")).id();
			}
			case "RESOLVED" -> {
				offerId = this.requests.offer("marco", id, new OfferDraft("Use embedded PostgreSQL in a test.")).id();
				this.requests.resolve("alice", id, offerId);
			}
			case "CANCELLED" -> this.requests.cancel("alice", id);
			case "OFFERED_BY_MARIA" ->
				offerId = this.requests.offer("maria", id, new OfferDraft("Use embedded PostgreSQL in a test.")).id();
			case "ACCEPTED_FROM_MARIA" -> {
				offerId = this.requests.offer("maria", id, new OfferDraft("Use embedded PostgreSQL in a test.")).id();
				this.requests.resolve("alice", id, offerId);
			}
			default -> throw new IllegalArgumentException("Unknown fixture " + state);
		}
		assertThat(status(id)).isEqualTo(switch (state) {
			case "CLAIMED", "CLAIMED_BY_MARCO" -> "CLAIMED";
			case "OFFERED_BY_MARIA" -> "ANSWERED";
			case "ACCEPTED_FROM_MARIA" -> "RESOLVED";
			default -> state;
		});
		return new Fixture(id, offerId);
	}

	private static Object apiBody(String input, Fixture fixture) {
		return switch (input) {
			case "none" -> null;
			case "request" -> Map.of("title", "Why is my build slow?", "details", "Maven takes ten minutes.", "topics",
					List.of("maven"), "urgency", "LOW");
			case "offer" -> Map.of("message", "Try the -o flag and a warm local repository.");
			case "reopen" -> Map.of("reason", "The build is slow again since the upgrade.");
			case "settings" -> SETTINGS;
			case "accept-offer" -> Map.of("acceptedOfferId", fixture.offerId());
			case "thanks" ->
				Map.of("to", "dave", "message", "Thanks for the coffee and the code review!", "public", true);
			case "thanks-for-request" -> Map.of("to", "marco", "message", "Thank you, embedded PostgreSQL it is.",
					"requestId", fixture.requestId(), "public", true);
			default -> throw new IllegalArgumentException("No API body for input " + input);
		};
	}

	private static Map<String, String> form(String input, Fixture fixture) {
		return switch (input) {
			case "none" -> Map.of();
			case "request" -> Map.of("title", "Why is my Maven build slow?", "details",
					"Maven takes ten minutes on my laptop and two on everybody else's.", "triedSoFar",
					"A clean local repository.", "topics", "maven", "urgency", "LOW");
			case "offer" -> Map.of("message", "Try the -o flag and a warm local repository.");
			case "reopen" -> Map.of("reason", "The build is slow again since the upgrade.");
			case "settings" -> SETTINGS;
			case "accept-offer" -> Map.of("acceptedOfferId", String.valueOf(fixture.offerId()));
			case "thanks" ->
				Map.of("to", "dave", "message", "Thanks for the coffee and the code review!", "publicNote", "true");
			case "thanks-for-request" -> Map.of("to", "marco", "message", "Thank you, embedded PostgreSQL it is.",
					"requestId", String.valueOf(fixture.requestId()), "publicNote", "true");
			case "person" ->
				Map.of("username", "newbie", "displayName", "New Person", "email", "newbie@handraise.example", "team",
						"Platform", "roles", "MENTOR", "skills", "java", "password", "a-long-enough-password");
			case "person-update" -> Map.of("displayName", "Dave Renamed", "email", "dave@handraise.example", "team",
					"Data", "skills", "go");
			case "password" -> Map.of("password", "another-long-enough-password");
			case "token-name" -> Map.of("name", "build script");
			case "skills" -> Map.of("skill", "java", "otherSkills", "go");
			case "own-password" -> Map.of("currentPassword", PASSWORD, "newPassword", "my-own-new-passphrase",
					"confirmPassword", "my-own-new-passphrase");
			default -> throw new IllegalArgumentException("No form for input " + input);
		};
	}

	private static RequestDraft draft(String title) {
		return new RequestDraft(title, "What I need, in enough words to be useful.", null, List.of("java"), "NORMAL",
				false);
	}

	private String status(long id) {
		return this.jdbc.queryForObject("select status from help_requests where id = ?", String.class, id);
	}

	private int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	// the table

	static Stream<Cell> cells() {
		return rows().stream().flatMap((row) -> ROLES.stream().map((role) -> new Cell(row, role)));
	}

	static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("/authorization-matrix.csv");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			boolean header = true;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split(",", -1);
				if (header) {
					assertThat(cells).as("header of authorization-matrix.csv")
						.startsWith("method", "path", "fixture", "input");
					assertThat(List.of(cells).subList(4, cells.length)).containsExactlyElementsOf(ROLES);
					header = false;
					continue;
				}
				assertThat(cells).as("line %d of authorization-matrix.csv", number).hasSize(4 + ROLES.size());
				Map<String, String> expected = new LinkedHashMap<>();
				for (int i = 0; i < ROLES.size(); i++) {
					expected.put(ROLES.get(i), cells[4 + i].strip());
				}
				rows.add(new Row(number, cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(),
						expected));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	record Row(int line, String method, String path, String fixture, String input, Map<String, String> expected) {

		@Override
		public String toString() {
			return this.method + " " + this.path + " [" + this.fixture + "] (line " + this.line + ")";
		}

	}

	record Cell(Row row, String role) {

		String expected() {
			return this.row.expected().get(this.role);
		}

		@Override
		public String toString() {
			return this.row + " as " + this.role + " -> " + expected();
		}

	}

	/**
	 * {@code requestId} is what {id} stands for: the request, or for the note and token
	 * fixtures the note or token.
	 */
	record Fixture(long requestId, Long offerId) {
	}

}
