package org.handraise.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.handraise.people.Role;
import org.handraise.requests.RequestCommands;
import org.handraise.requests.OfferDraft;
import org.handraise.requests.RequestDraft;
import org.handraise.support.InertHtml;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;

/**
 * Every text field people type, with hostile text in it, on every page that shows it,
 * read back with a real HTML parser (jsoup, {@link InertHtml}): no element, attribute,
 * event handler, script or script URL came from the text, and the text itself is on the
 * page as text (or as the value of the form field it was typed into).
 * <p>
 * Table-driven: {@link #PAYLOADS} (each with a short field code put in, so that every
 * field's copy can be told apart) times {@link #PAGES} (who looks at which page, and
 * which fields it must show). One scenario per payload fills every field at once, through
 * the services, the administrator's form and the sign-in form.
 */
class PageEscapingIT extends PostgresIntegrationTest {

	/**
	 * Hostile text, {@code %s} standing for the field's code. At most 30 characters with
	 * the code in, so that they fit the shortest fields (topics, skills).
	 */
	static final List<String> PAYLOADS = List.of("<script>alert('%s')</script>", "<ScRiPt >alert(%s)</sCrIpT>",
			"<img src=x onerror=alert(%s)>", "\"><svg onload=alert('%s')>", "'><iframe src=javascript:%s>",
			"</p><b onmouseover=alert(%s)>", "</textarea><svg/onload=%s>", "</title><script>%s</script>",
			"<a href=\"javascript:%s\">x</a>", "\" onmouseover=\"alert(%s)", "' onmouseover='alert(%s)",
			"<input autofocus onfocus=%s>", "<a href=//ev.il/%s>x</a>", "<base href=//ev.il/%s>",
			"<meta http-equiv=refresh>#%s", "<style>body{}</style>#%s", "<!--#%s--><x-y>", "&lt;script&gt;#%s",
			"{{7*7}}[[${7*7}]]#%s", "__${7*7}__[(${7*7})]#%s");

	/**
	 * The fields people type. Topics and skills are kept in lower case, so they are shown
	 * in lower case.
	 */
	enum Field {

		TITLE("ti"), DETAILS("de"), TRIED("tr"), TOPIC("to", true), OFFER("of"), PUBLIC_THANKS("th"),
		PRIVATE_THANKS("pn"), AUTHOR_NAME("an"), HELPER_NAME("bn"), TEAM("te"), AVAILABILITY("av"), SKILL("sk", true),
		TOKEN_NAME("tk"), SIGN_IN_NAME("lg"), SEARCH("q"),
		// typed into a form that is shown again with an error: exactly as typed
		FORM_TITLE("fti"), FORM_DETAILS("fde"), FORM_TRIED("ftr"), FORM_TOPICS("fto"), FORM_THANKS("fth"),
		FORM_OFFER("fof"), FORM_NAME("fna");

		final String code;

		final boolean lowerCase;

		Field(String code) {
			this(code, false);
		}

		Field(String code, boolean lowerCase) {
			this.code = code;
			this.lowerCase = lowerCase;
		}

		/** The text typed into this field. */
		String typed(String payload) {
			return payload.formatted(this.code);
		}

		/** The text the pages show for this field. */
		String shown(String payload) {
			return this.lowerCase ? typed(payload).toLowerCase(Locale.ROOT) : typed(payload);
		}

	}

	/** One page as one person sees it, its status, and the fields it must show. */
	record PageCase(String name, Function<Scenario, PageClient.Response> render, int status, Set<Field> shows) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static final List<PageCase> PAGES = List
		.of(page("request detail, as its author", (s) -> s.alice().get("/requests/" + s.answered()), Field.TITLE,
				Field.DETAILS, Field.TRIED, Field.TOPIC, Field.OFFER, Field.AUTHOR_NAME, Field.HELPER_NAME),
				page("request detail, as the helper", (s) -> s.bob().get("/requests/" + s.answered()), Field.TITLE,
						Field.DETAILS, Field.TRIED, Field.TOPIC, Field.OFFER, Field.AUTHOR_NAME, Field.HELPER_NAME),
				page("request list", (s) -> s.alice().get("/requests"), Field.TITLE, Field.TOPIC, Field.AUTHOR_NAME),
				page("request list, searched", (s) -> s.alice().get("/requests?q=" + s.encoded(Field.SEARCH)),
						Field.SEARCH),
				page("request list, filtered by topic",
						(s) -> s.alice().get("/requests?topic=" + s.encodedAsShown(Field.TOPIC)), Field.TITLE,
						Field.TOPIC),
				page("home, as the author", (s) -> s.alice().get("/"), Field.TITLE, Field.TOPIC),
				page("home, as a mentor", (s) -> s.bob().get("/"), Field.TITLE, Field.TOPIC, Field.AUTHOR_NAME),
				page("mentor queue", (s) -> s.bob().get("/mentor"), Field.TITLE, Field.TOPIC, Field.AUTHOR_NAME),
				page("thanks wall, as the sender", (s) -> s.alice().get("/thanks"), Field.PUBLIC_THANKS,
						Field.PRIVATE_THANKS, Field.AUTHOR_NAME, Field.HELPER_NAME),
				page("thanks wall, as the receiver", (s) -> s.bob().get("/thanks"), Field.PUBLIC_THANKS,
						Field.PRIVATE_THANKS, Field.AUTHOR_NAME, Field.HELPER_NAME),
				page("people", (s) -> s.alice().get("/people"), Field.AUTHOR_NAME, Field.HELPER_NAME, Field.TEAM,
						Field.AVAILABILITY, Field.SKILL),
				page("a person", (s) -> s.alice().get("/people/bob"), Field.HELPER_NAME, Field.TEAM, Field.AVAILABILITY,
						Field.SKILL),
				page("statistics", (s) -> s.manager().get("/stats"), Field.TEAM, Field.HELPER_NAME),
				page("profile", (s) -> s.alice().get("/profile"), Field.TOKEN_NAME),
				page("profile, right after making a token", Scenario::tokenMade, Field.TOKEN_NAME),
				page("manage people", (s) -> s.admin().get("/admin/people"), Field.AUTHOR_NAME, Field.HELPER_NAME,
						Field.TEAM),
				page("manage a person", (s) -> s.admin().get("/admin/people/bob"), Field.HELPER_NAME, Field.TEAM,
						Field.AVAILABILITY, Field.SKILL),
				page("audit log", (s) -> s.admin().get("/admin/audit"), Field.SIGN_IN_NAME, Field.TOKEN_NAME),
				page("audit log, filtered by who", (s) -> s.admin()
					.get("/admin/audit?actor=" + s.encoded(Field.SIGN_IN_NAME)), Field.SIGN_IN_NAME),
				page("ask for help, shown again with an error",
						(s) -> s.alice()
							.post("/requests",
									Map.of("title", s.typed(Field.FORM_TITLE), "details", s.typed(Field.FORM_DETAILS),
											"triedSoFar", s.typed(Field.FORM_TRIED), "topics",
											"a, b, c, d, e, " + s.typed(Field.FORM_TOPICS), "urgency", "NORMAL")),
						Field.FORM_TITLE, Field.FORM_DETAILS, Field.FORM_TRIED, Field.FORM_TOPICS),
				page("edit a request, as its author", (s) -> s.alice().get("/requests/" + s.answered() + "/edit"),
						Field.TITLE, Field.DETAILS, Field.TRIED, Field.TOPIC),
				page("edit a request, shown again with an error",
						(s) -> s.alice()
							.post("/requests/" + s.answered() + "/edit",
									Map.of("title", s.typed(Field.FORM_TITLE), "details", s.typed(Field.FORM_DETAILS),
											"triedSoFar", s.typed(Field.FORM_TRIED), "topics",
											"a, b, c, d, e, " + s.typed(Field.FORM_TOPICS), "urgency", "NORMAL")),
						Field.FORM_TITLE, Field.FORM_DETAILS, Field.FORM_TRIED, Field.FORM_TOPICS),
				page("offer help, shown again with an error",
						(s) -> s.bob()
							.post("/requests/" + s.open() + "/offers",
									Map.of("message", s.typed(Field.FORM_OFFER) + " " + "x".repeat(2000))),
						Field.FORM_OFFER, Field.TITLE, Field.AUTHOR_NAME),
				page("say thanks, shown again with an error",
						(s) -> s.alice().post("/thanks", Map.of("to", "", "message", s.typed(Field.FORM_THANKS))),
						Field.FORM_THANKS, Field.PUBLIC_THANKS, Field.HELPER_NAME),
				page("manage a person, shown again with an error",
						(s) -> s.admin()
							.post("/admin/people/alice", Map.of("displayName", s.typed(Field.FORM_NAME), "email",
									"not an e-mail address", "team", "Platform")),
						Field.FORM_NAME));

	private static PageCase page(String name, Function<Scenario, PageClient.Response> render, Field... shows) {
		return new PageCase(name, render, 200, EnumSet.copyOf(List.of(shows)));
	}

	/**
	 * One signed-in page session per person and server: signing in costs a password hash.
	 */
	private static final Map<String, PageClient> SESSIONS = new ConcurrentHashMap<>();

	@Autowired
	private RequestCommands requests;

	@Autowired
	private ThanksService thanks;

	@BeforeEach
	void people() {
		seed(ALICE, BOB.withSkills("java").withRoles(Role.MENTOR));
		person("ada", null, List.of(), Role.ADMIN);
		person("gus", null, List.of(), Role.MANAGER);
	}

	static Stream<String> payloads() {
		return PAYLOADS.stream();
	}

	@Test
	void everyFieldIsOnSomePageAndThePayloadsFitTheShortestFields() {
		Set<Field> covered = EnumSet.noneOf(Field.class);
		PAGES.forEach((page) -> covered.addAll(page.shows()));
		assertThat(covered).containsExactlyInAnyOrder(Field.values());
		for (String payload : PAYLOADS) {
			for (Field field : Field.values()) {
				assertThat(field.typed(payload)).as(payload).hasSizeLessThanOrEqualTo(30).doesNotContain(",");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("payloads")
	void hostileTextIsShownAsTextOnEveryPageAndNeverBecomesMarkup(String payload) {
		Scenario scenario = scenario(payload);
		List<String> typed = Stream.of(Field.values())
			.flatMap((f) -> Stream.of(f.typed(payload), f.shown(payload)))
			.distinct()
			.toList();
		Map<String, List<String>> failures = new LinkedHashMap<>();
		for (PageCase page : PAGES) {
			List<String> problems = new ArrayList<>();
			PageClient.Response response = page.render().apply(scenario);
			if (response.status() != page.status()) {
				problems.add("status " + response.status() + ", not " + page.status());
			}
			else {
				problems.addAll(InertHtml.problems(response.body(), typed));
				for (Field field : page.shows()) {
					if (!InertHtml.showsAsText(response.body(), field.shown(payload))) {
						problems.add(field + " is not on the page as text: " + field.shown(payload));
					}
				}
			}
			if (!problems.isEmpty()) {
				failures.put(page.name(), problems);
			}
		}
		assertThat(failures).as("pages where %s did harm or went missing", payload).isEmpty();
	}

	@Test
	void anEmailAddressWithMarkupInItsQuotedLocalPartStaysText() {
		// a quoted local part may hold almost anything and still be a valid address (RFC
		// 5321), so @Email lets it in
		PageClient admin = session("ada");
		admin.get("/admin/people/bob");
		for (String email : List.of("\"<svg onload=alert(1)>\"@x.example", "\"'><script>alert(2)</script>\"@x.example",
				"\"<input autofocus onfocus=alert(3)>\"@x.example")) {
			PageClient.Response saved = admin.post("/admin/people/bob",
					Map.of("displayName", "Bob Test", "email", email, "team", "Mobile", "roles", "MENTOR"));
			assertThat(saved.status()).as("%s is accepted", email).isEqualTo(302);
			PageClient.Response page = admin.get("/admin/people/bob");
			assertThat(page.status()).isEqualTo(200);
			assertThat(InertHtml.problems(page.body(), List.of(email))).as(email).isEmpty();
			assertThat(InertHtml.showsAsText(page.body(), email)).as(email).isTrue();
		}
	}

	/**
	 * Fills every field with the payload: people through the administrator's form, the
	 * rest through services.
	 */
	private Scenario scenario(String payload) {
		PageClient admin = session("ada");
		admin.get("/admin/people/alice");
		PageClient.Response alice = admin.post("/admin/people/alice", Map.of("displayName",
				Field.AUTHOR_NAME.typed(payload), "email", "alice@handraise.example", "team", "Platform"));
		assertThat(alice.status()).as("the author's name is accepted").isEqualTo(302);
		PageClient.Response bob = admin.post("/admin/people/bob",
				Map.of("displayName", Field.HELPER_NAME.typed(payload), "email", "bob@handraise.example", "team",
						Field.TEAM.typed(payload), "availability", Field.AVAILABILITY.typed(payload), "skills",
						"java, " + Field.SKILL.typed(payload), "roles", "MENTOR"));
		assertThat(bob.status()).as("the helper's name, team, availability and skills are accepted").isEqualTo(302);

		long answered = this.requests
			.post("alice",
					new RequestDraft(Field.TITLE.typed(payload), Field.DETAILS.typed(payload),
							Field.TRIED.typed(payload), List.of("java", Field.TOPIC.typed(payload)), "HIGH", false))
			.id();
		long open = this.requests
			.post("alice",
					new RequestDraft(Field.TITLE.typed(payload), "Plain details for the mentor queue.", null,
							List.of("java", Field.TOPIC.typed(payload)), "NORMAL", false))
			.id();
		this.requests.offer("bob", answered, new OfferDraft(Field.OFFER.typed(payload)));
		this.thanks.send("alice", new ThanksDraft("bob", Field.PUBLIC_THANKS.typed(payload), answered, true));
		this.thanks.send("alice", new ThanksDraft("bob", Field.PRIVATE_THANKS.typed(payload), null, false));

		PageClient author = session("alice");
		author.get("/profile");
		PageClient.Response tokenMade = author.post("/profile/tokens", Map.of("name", Field.TOKEN_NAME.typed(payload)));
		assertThat(tokenMade.status()).isEqualTo(200);

		PageClient.Response signIn = PageClient.anonymous(baseUrl())
			.post("/login", Map.of("username", Field.SIGN_IN_NAME.typed(payload), "password", "not-the-password"));
		assertThat(signIn.location()).endsWith("/login?error");

		return new Scenario(payload, author, session("bob"), admin, session("gus"), answered, open, tokenMade);
	}

	private PageClient session(String username) {
		return SESSIONS.computeIfAbsent(this.port + ":" + username,
				(key) -> PageClient.signedIn(baseUrl(), username, PASSWORD));
	}

	/** The people, the requests and the pages of one payload. */
	record Scenario(String payload, PageClient alice, PageClient bob, PageClient admin, PageClient manager,
			long answered, long open, PageClient.Response tokenMade) {

		String typed(Field field) {
			return field.typed(this.payload);
		}

		String encoded(Field field) {
			return URLEncoder.encode(typed(field), StandardCharsets.UTF_8);
		}

		String encodedAsShown(Field field) {
			return URLEncoder.encode(field.shown(this.payload), StandardCharsets.UTF_8);
		}

	}

}
