package org.handraise.notifications.mail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.handraise.notifications.Delivery;
import org.handraise.notifications.NotificationPreferences;
import org.handraise.notifications.NotificationSettings;
import org.handraise.support.Api;
import org.handraise.support.PostgresIntegrationTest;
import org.handraise.support.Smtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.MARCO;
import static org.handraise.support.DemoCast.MARIA;

/**
 * Email over a real SMTP server (GreenMail in the test JVM), on PostgreSQL: alice posts,
 * maria claims, and alice's address receives one mail with both parts, the absolute link
 * and the one-click unsubscribe headers; the unsubscribe link turns the category off on
 * POST only and refuses a forged token; a daily digest groups by request and is sent
 * once; nobody but the author of an anonymous request receives her name in any mail. The
 * sender's schedule is an hour apart: the tests send by calling it.
 */
class MailIT extends PostgresIntegrationTest {

	private static final String BASE = "https://handraise.example.org";

	private static final String TITLE = "Flyway fails on a duplicate index";

	@Autowired
	private MailOutbox outbox;

	@Autowired
	private MailDigests digests;

	@Autowired
	private NotificationPreferences preferences;

	private Api api;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", Smtp::port);
		registry.add("handraise.mail.from", () -> "Handraise <noreply@handraise.example.org>");
		registry.add("handraise.mail.send-interval", () -> "1h");
		registry.add("handraise.base-url", () -> BASE);
	}

	@BeforeEach
	void people() {
		Smtp.start();
		Smtp.clear();
		this.api = new Api(baseUrl());
		seed(ALICE, BOB, MARIA.withSkills("java", "sql"), MARCO);
	}

	@Test
	void aClaimMailsTheAuthorOnceWithBothPartsTheLinkAndOneClickUnsubscribe() throws Exception {
		long id = post("alice", TITLE, List.of("kotlin"), false);
		claim("maria", id);
		assertThat(sent()).isEqualTo(1);

		List<MimeMessage> received = Smtp.await(1, Duration.ofSeconds(5));
		assertThat(received).hasSize(1);
		MimeMessage mail = received.get(0);
		assertThat(mail.getFrom()[0].toString()).isEqualTo("Handraise <noreply@handraise.example.org>");
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("alice@handraise.example");
		assertThat(mail.getSubject()).isEqualTo("Maria Test claimed your request \u201c" + TITLE + "\u201d.");
		assertThat(mail.getHeader("List-Unsubscribe")[0]).matches("<" + BASE + "/unsubscribe/[0-9a-f]+-[0-9a-f]{32}>");
		assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(mail.getMessageID())
			.isEqualTo(this.jdbc.queryForObject("select message_id from mail_deliveries", String.class));
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		String text = (String) parts.getBodyPart(0).getContent();
		String html = (String) parts.getBodyPart(1).getContent();
		assertThat(text).contains("Maria Test claimed your request \u201c" + TITLE + "\u201d.")
			.contains(BASE + "/requests/" + id)
			.contains(BASE + "/notifications")
			.contains(BASE + "/profile#notification-settings");
		assertThat(html).contains("href=\"" + BASE + "/requests/" + id + "\"")
			.contains("Maria Test claimed your request \u201c" + TITLE + "\u201d.")
			.contains("href=\"" + BASE + "/profile#notification-settings\"");

		Map<String, Object> row = this.jdbc.queryForMap("select status, attempts, sent_at from mail_deliveries");
		assertThat(row.get("status")).isEqualTo("SENT");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat(row.get("sent_at")).isNotNull();
		assertThat(sent()).as("nothing left to send").isZero();
		assertThat(Smtp.received()).hasSize(1);
	}

	@Test
	void oneClickUnsubscribeTurnsTheCategoryOffWhileGetChangesNothingAndForgedTokensAreRefused() throws Exception {
		long id = post("alice", TITLE, List.of("kotlin"), false);
		claim("maria", id);
		sent();
		MimeMessage mail = Smtp.await(1, Duration.ofSeconds(5)).get(0);
		String link = mail.getHeader("List-Unsubscribe")[0];
		String path = link.substring(("<" + BASE).length(), link.length() - 1);
		String token = path.substring("/unsubscribe/".length());

		HttpResponse<String> page = send("GET", path, null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("what happens to your requests").contains("<form");
		assertThat(this.preferences.of("alice").myRequests()).as("GET changes nothing").isEqualTo(Delivery.IMMEDIATE);

		String forged = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
		assertThat(send("GET", "/unsubscribe/" + forged, null).statusCode()).isEqualTo(404);
		assertThat(send("POST", "/unsubscribe/" + forged, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
		String bobs = hex("bob\nMY_REQUESTS") + token.substring(token.indexOf('-'));
		assertThat(send("POST", "/unsubscribe/" + bobs, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
		assertThat(send("POST", "/unsubscribe/not-a-token", "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
		assertThat(this.preferences.of("alice").myRequests()).isEqualTo(Delivery.IMMEDIATE);

		assertThat(send("POST", path, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
		assertThat(send("POST", path, "List-Unsubscribe=One-Click").statusCode()).as("idempotent").isEqualTo(200);
		NotificationSettings after = this.preferences.of("alice");
		assertThat(after.myRequests()).isEqualTo(Delivery.OFF);
		assertThat(after.helping()).as("the other categories stay").isEqualTo(Delivery.IMMEDIATE);
		assertThat(after.thanks()).isEqualTo(Delivery.IMMEDIATE);

		assertThat(this.api.post("/api/requests/" + id + "/release", "maria", PASSWORD, Map.of()).status())
			.isEqualTo(200);
		claim("marco", id);
		assertThat(sent()).isZero();
		Thread.sleep(300);
		assertThat(Smtp.received()).hasSize(1);
		assertThat(
				this.jdbc.queryForObject("select count(*) from notifications where recipient = 'alice'", Integer.class))
			.as("the inbox still gets everything")
			.isEqualTo(3);
	}

	@Test
	void aDailyDigestGroupsByRequestAndIsSentOnce() throws Exception {
		this.preferences.change("alice",
				new NotificationSettings(Delivery.DAILY, Delivery.IMMEDIATE, Delivery.OFF, Delivery.DAILY));
		long first = post("alice", TITLE, List.of("kotlin"), false);
		long second = post("alice", "Gradle daemon keeps dying", List.of("kotlin"), false);
		claim("maria", first);
		claim("maria", second);
		assertThat(this.api
			.post("/api/requests/" + first + "/offers", "marco", PASSWORD, Map.of("message", "Drop the index first."))
			.status()).isEqualTo(201);
		assertThat(
				this.api.post("/api/thanks", "bob", PASSWORD, Map.of("to", "alice", "message", "Great talk!")).status())
			.isEqualTo(201);
		awaitListeners();
		assertThat(sent()).as("no single mail for a daily category").isZero();
		assertThat(this.digests.digest(Delivery.WEEKLY)).isZero();

		assertThat(this.digests.digest(Delivery.DAILY)).isEqualTo(1);
		assertThat(sent()).isEqualTo(1);
		List<MimeMessage> received = Smtp.await(1, Duration.ofSeconds(5));
		assertThat(received).hasSize(1);
		MimeMessage digest = received.get(0);
		assertThat(digest.getAllRecipients()).extracting(Object::toString).containsExactly("alice@handraise.example");
		assertThat(digest.getSubject()).isEqualTo("Handraise: 4 updates on 2 requests");
		assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String text = part(digest, 0);
		String html = part(digest, 1);
		int firstAt = text.indexOf(TITLE + "\n" + BASE + "/requests/" + first);
		int secondAt = text.indexOf("Gradle daemon keeps dying\n" + BASE + "/requests/" + second);
		assertThat(firstAt).as(text).isNotNegative();
		assertThat(secondAt).as(text).isGreaterThan(firstAt);
		String firstGroup = text.substring(firstAt, secondAt);
		assertThat(firstGroup).contains("- Maria Test claimed your request \u201c" + TITLE + "\u201d.")
			.contains("- Marco Test offered help on your request \u201c" + TITLE + "\u201d.");
		int otherAt = text.indexOf("Not about a request\n- Bob Test thanked you.");
		assertThat(otherAt).as("notes not about a request come last").isGreaterThan(secondAt);
		assertThat(text.substring(secondAt, otherAt)).contains("- Maria Test claimed your request \u201cGradle daemon");
		assertThat(html).contains("href=\"" + BASE + "/requests/" + first + "\"")
			.contains("href=\"" + BASE + "/requests/" + second + "\"");

		assertThat(this.digests.digest(Delivery.DAILY)).as("the second run finds nothing").isZero();
		assertThat(sent()).isZero();
		Thread.sleep(300);
		assertThat(Smtp.received()).hasSize(1);
	}

	@Test
	void anAnonymousRequestsAuthorIsInNoMailButHers() throws Exception {
		for (String who : List.of("maria", "marco", "bob")) {
			this.preferences.change(who, new NotificationSettings(Delivery.IMMEDIATE, Delivery.IMMEDIATE,
					"marco".equals(who) ? Delivery.IMMEDIATE : Delivery.DAILY, Delivery.IMMEDIATE));
		}
		long id = post("alice", "Secret rotation breaks the nightly job", List.of("sql"), true);
		claim("maria", id);
		long offer = this.api
			.post("/api/requests/" + id + "/offers", "maria", PASSWORD, Map.of("message", "Reload the pool."))
			.json()
			.get("id")
			.asLong();
		this.api.post("/api/requests/" + id + "/offers", "marco", PASSWORD, Map.of("message", "Or restart it."));
		assertThat(
				this.api.post("/api/requests/" + id + "/resolve", "alice", PASSWORD, Map.of("acceptedOfferId", offer))
					.status())
			.isEqualTo(200);
		assertThat(this.api
			.post("/api/thanks", "alice", PASSWORD, Map.of("to", "maria", "message", "Thank you!", "requestId", id))
			.status()).isEqualTo(201);
		assertThat(this.api
			.post("/api/requests/" + id + "/reopen", "alice", PASSWORD, Map.of("reason", "It broke again tonight."))
			.status()).isEqualTo(200);
		this.api.post("/api/requests/" + id + "/cancel", "alice", PASSWORD, Map.of());
		awaitListeners();
		sent();
		assertThat(this.digests.digest(Delivery.DAILY)).as("maria's skill match").isEqualTo(1);
		this.digests.digest(Delivery.WEEKLY);
		sent();

		int sent = this.jdbc.queryForObject("select count(*) from mail_deliveries where status = 'SENT'",
				Integer.class);
		List<MimeMessage> received = Smtp.await(sent, Duration.ofSeconds(5));
		assertThat(received).hasSize(sent);
		List<String> subjects = new ArrayList<>();
		int toOthers = 0;
		for (MimeMessage mail : received) {
			String to = mail.getAllRecipients()[0].toString();
			subjects.add(to + ": " + mail.getSubject());
			if (!to.equals("alice@handraise.example")) {
				toOthers++;
				String everything = everything(mail);
				assertThat(everything.toLowerCase(Locale.ROOT)).as(everything).doesNotContain("alice");
			}
		}
		assertThat(subjects).as("the kinds swept")
			.anyMatch((s) -> s.startsWith("maria@") && s.contains("resolved"))
			.anyMatch((s) -> s.startsWith("maria@") && s.contains("thanked"))
			.anyMatch((s) -> s.startsWith("maria@") && s.contains("reopened"))
			.anyMatch((s) -> s.startsWith("maria@") && s.contains("cancelled"))
			.anyMatch((s) -> s.startsWith("maria@") && s.startsWith("maria@handraise.example: Handraise:"))
			.anyMatch((s) -> s.startsWith("marco@") && s.contains("new request"))
			.anyMatch((s) -> s.startsWith("alice@") && s.contains("claimed"));
		assertThat(toOthers).isGreaterThanOrEqualTo(6);
	}

	private int sent() {
		return this.outbox.sendDue().orElseThrow();
	}

	/** Every header (decoded subject included) and both parts, decoded. */
	private static String everything(MimeMessage mail) throws MessagingException, IOException {
		StringBuilder all = new StringBuilder();
		for (Header header : java.util.Collections.list(mail.getAllHeaders())) {
			all.append(header.getName()).append(": ").append(header.getValue()).append('\n');
		}
		all.append(mail.getSubject()).append('\n');
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			all.append(part.getContent()).append('\n');
		}
		return all.toString();
	}

	private static String part(MimeMessage mail, int index) throws MessagingException, IOException {
		return ((String) ((MimeMultipart) mail.getContent()).getBodyPart(index).getContent()).replace("\r\n", "\n");
	}

	private long post(String author, String title, List<String> topics, boolean anonymous) {
		Api.Response posted = this.api.post("/api/requests", author, PASSWORD,
				Map.of("title", title, "details", "Our migration fails on PostgreSQL with 'relation already exists'.",
						"topics", topics, "anonymous", anonymous));
		assertThat(posted.status()).isEqualTo(201);
		awaitListeners();
		return posted.json().get("id").asLong();
	}

	private void claim(String who, long id) {
		assertThat(this.api.post("/api/requests/" + id + "/claim", who, PASSWORD, Map.of()).status()).isEqualTo(200);
		awaitListeners();
	}

	private HttpResponse<String> send(String method, String path, String form)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(form));
		}
		else {
			request.header("Accept", "text/html").method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String hex(String text) {
		return java.util.HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
