package org.handraise.requests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.handraise.people.Role;
import org.handraise.shared.VisibleText;
import org.handraise.support.Api;
import org.handraise.support.InertHtml;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;

/**
 * Text from the Big List of Naughty Strings ({@code blns-sample.txt}, MIT licence next to
 * it) as titles and details: either stored and returned exactly as sent, or refused with
 * a 400 problem when it holds control characters (or, in a title, invisible format
 * characters such as zero-width spaces); never a 500; and always escaped on the pages: as
 * strings, and read back with a real HTML parser ({@link InertHtml}).
 * {@code org.handraise.web.PageEscapingIT} does the same for every field on every page.
 */
class HostileInputIT extends PostgresIntegrationTest {

	/**
	 * One signed-in page session per person and server: signing in costs a password hash.
	 */
	private static final Map<String, PageClient> SESSIONS = new ConcurrentHashMap<>();

	@Autowired
	private RequestCommands requests;

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, BOB.withRoles(Role.MENTOR));
	}

	static Stream<Arguments> samples() {
		List<String> lines = sample();
		return IntStream.range(0, lines.size())
			.mapToObj((i) -> Arguments.of(i + 1, visible(lines.get(i)), lines.get(i)));
	}

	@ParameterizedTest(name = "[{0}] {1}")
	@MethodSource("samples")
	void hostileTextIsStoredExactlyAsSentOrRefusedButNeverBreaksAnything(int number, String shown, String text) {
		String title = (text.length() <= 120) ? text : "Hostile input " + number;
		Api.Response posted = this.api.post("/api/requests", "alice", PASSWORD,
				Map.of("title", title, "details", text));
		assertThat(posted.status()).as("never a server error: %s", posted.body()).isLessThan(500);

		if (!isPlainText(text) || text.isBlank() || !VisibleText.Validator.isVisible(title, true)) {
			assertThat(posted.status()).as(posted.body()).isEqualTo(400);
			assertThat(posted.isProblem()).isTrue();
			JsonNode errors = posted.json().get("errors");
			assertThat(errors.size()).isGreaterThan(0);
			errors.forEach((e) -> assertThat(e.get("field").asString()).isIn("title", "details"));
			assertThat(this.jdbc.queryForObject("select count(*) from help_requests", Integer.class)).isZero();
			return;
		}

		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		long id = posted.json().get("id").asLong();
		assertThat(posted.json().get("title").asString()).isEqualTo(title);
		assertThat(posted.json().get("details").asString()).isEqualTo(text);
		Map<String, Object> stored = this.jdbc.queryForMap("select title, details from help_requests where id = ?", id);
		assertThat(stored.get("title")).as("stored title").isEqualTo(title);
		assertThat(stored.get("details")).as("stored details").isEqualTo(text);

		PageClient alice = session("alice");
		PageClient.Response detail = alice.get("/requests/" + id);
		assertThat(detail.status()).isEqualTo(200);
		assertEscaped(detail.body(), title, "/requests/" + id);
		assertEscaped(detail.body(), text, "/requests/" + id);
		PageClient.Response list = alice.get("/requests");
		assertThat(list.status()).isEqualTo(200);
		assertEscaped(list.body(), title, "/requests");
	}

	@Test
	void offersAndThankYouNotesAreEscapedToo() {
		long id = this.requests
			.post("alice", new RequestDraft("Plain title", "Plain details", null, List.of(), "NORMAL", false))
			.id();
		Api.Response offer = this.api.post("/api/requests/" + id + "/offers", "bob", PASSWORD,
				Map.of("message", "<img src=x onerror=alert('offer')>"));
		assertThat(offer.status()).isEqualTo(201);
		assertThat(offer.json().get("message").asString()).isEqualTo("<img src=x onerror=alert('offer')>");
		PageClient.Response page = session("alice").get("/requests/" + id);
		assertThat(page.body()).doesNotContain("<img src=x onerror").contains("&lt;img src=x onerror=");
		assertInert(page.body(), "<img src=x onerror=alert('offer')>", "/requests/" + id);
		assertThat(InertHtml.showsAsText(page.body(), "<img src=x onerror=alert('offer')>")).isTrue();

		Api.Response thanks = this.api.post("/api/thanks", "alice", PASSWORD,
				Map.of("to", "bob", "message", "</p><script>alert('thanks')</script>", "requestId", id));
		assertThat(thanks.status()).as(thanks.body()).isEqualTo(201);
		PageClient.Response wall = session("bob").get("/thanks");
		assertThat(wall.status()).isEqualTo(200);
		assertThat(wall.body()).doesNotContainIgnoringCase("<script>alert")
			.contains("&lt;/p&gt;&lt;script&gt;alert(&#39;thanks&#39;)&lt;/script&gt;");
		assertInert(wall.body(), "</p><script>alert('thanks')</script>", "/thanks");
		assertThat(InertHtml.showsAsText(wall.body(), "</p><script>alert('thanks')</script>")).isTrue();
	}

	@Test
	void searchingForHostileTextNeverBreaksTheListOrThePage() {
		this.requests.post("alice", new RequestDraft("100% sure_about it? O'Reilly \\ backslash", "Details", null,
				List.of("java"), "NORMAL", false));
		List<String> failures = new ArrayList<>();
		PageClient page = session("bob");
		List<String> queries = new ArrayList<>(sample());
		queries.addAll(List.of("%", "_", "\\", "'", "100%", "sure_", "\u0000", "a\u0000b"));
		for (String q : queries) {
			String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
			if (q.length() < 12 || q.contains("<")) {
				// the API signs in with every call (a password hash), so it gets the
				// short and the markup ones
				Api.Response api = this.api.get("/api/requests?q=" + encoded, "bob", PASSWORD);
				if (api.status() != 200 && api.status() != 400) {
					failures.add("GET /api/requests?q=" + visible(q) + " -> " + api.status() + " " + api.body());
				}
			}
			for (String parameter : List.of("q", "topic")) {
				PageClient.Response list = page.get("/requests?" + parameter + "=" + encoded);
				if (list.status() != 200 && list.status() != 400) {
					failures.add("GET /requests?" + parameter + "=" + visible(q) + " -> " + list.status());
				}
				else if (list.body().toLowerCase(Locale.ROOT).contains("<script>alert")) {
					failures.add("GET /requests?" + parameter + "=" + visible(q) + " echoes a raw <script>");
				}
				else if (list.status() == 200 && !InertHtml.problems(list.body(), List.of(q)).isEmpty()) {
					failures.add("GET /requests?" + parameter + "=" + visible(q) + ": "
							+ InertHtml.problems(list.body(), List.of(q)));
				}
			}
		}
		for (String q : List.of("\u0000", "a\u0000b", "<script>alert(1)</script>", "100%")) {
			Api.Response topic = this.api.get("/api/requests?topic=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
					"bob", PASSWORD);
			if (topic.status() != 200 && topic.status() != 400) {
				failures.add("GET /api/requests?topic=" + visible(q) + " -> " + topic.status() + " " + topic.body());
			}
		}
		assertThat(failures).as("searches that broke").isEmpty();

		JsonNode literal = this.api
			.get("/api/requests?q=" + URLEncoder.encode("100%", StandardCharsets.UTF_8), "bob", PASSWORD)
			.json();
		assertThat(literal.get("totalElements").asInt()).as("'%' is searched for literally").isEqualTo(1);
		JsonNode percentOnly = this.api
			.get("/api/requests?q=" + URLEncoder.encode("0% s", StandardCharsets.UTF_8), "bob", PASSWORD)
			.json();
		assertThat(percentOnly.get("totalElements").asInt()).isEqualTo(1);
		JsonNode noMatch = this.api
			.get("/api/requests?q=" + URLEncoder.encode("1_0", StandardCharsets.UTF_8), "bob", PASSWORD)
			.json();
		assertThat(noMatch.get("totalElements").asInt()).as("'_' is not a wildcard").isZero();
	}

	// helpers

	private PageClient session(String username) {
		return SESSIONS.computeIfAbsent(this.port + ":" + username,
				(key) -> PageClient.signedIn(baseUrl(), username, PASSWORD));
	}

	/**
	 * The page shows the text escaped, and never the raw markup when there is any; and
	 * read with a real HTML parser ({@link InertHtml}), no element, event handler, script
	 * or script URL came from it and it is on the page as text, exactly as typed.
	 */
	private static void assertEscaped(String html, String text, String where) {
		assertThat(html).as("%s shows %s escaped", where, visible(text)).contains(escape(text));
		if (text.indexOf('<') >= 0) {
			assertThat(html).as("%s must not contain the raw text %s", where, visible(text)).doesNotContain(text);
		}
		assertThat(html).as(where).doesNotContainIgnoringCase("<script>alert");
		assertInert(html, text, where);
		assertThat(InertHtml.showsAsText(html, text)).as("%s shows %s as text", where, visible(text)).isTrue();
	}

	/**
	 * Read with a real HTML parser, nothing on the page came from {@code text} but text.
	 */
	private static void assertInert(String html, String text, String where) {
		assertThat(InertHtml.problems(html, List.of(text))).as("%s with %s", where, visible(text)).isEmpty();
	}

	/**
	 * What Thymeleaf's {@code th:text} makes of text: the five markup-significant
	 * characters escaped.
	 */
	private static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	/**
	 * The rule the application promises: no C0 control characters but tab, line feed and
	 * carriage return.
	 */
	private static boolean isPlainText(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return false;
			}
		}
		return true;
	}

	private static String visible(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().limit(60).forEach((cp) -> {
			if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
				out.append("\\x%02x".formatted(cp));
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		return (text.codePointCount(0, text.length()) > 60) ? out + "..." : out.toString();
	}

	static List<String> sample() {
		try (InputStream in = HostileInputIT.class.getResourceAsStream("/blns-sample.txt")) {
			String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			List<String> lines = new ArrayList<>();
			for (String line : all.split("\n")) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					lines.add(line);
				}
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
