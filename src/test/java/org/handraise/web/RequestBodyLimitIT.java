package org.handraise.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.OLGA;

/**
 * Request bodies are bounded: an API body over {@link RequestLimits#API_BODY_LIMIT} and a
 * page body over {@link RequestLimits#PAGE_BODY_LIMIT} are refused with 413 before they
 * are read (a too large {@code Content-Length}) or as soon as the limit is passed (a
 * chunked body), so no one can fill the server's memory with one request or a few at
 * once. Raw sockets show what a declared length alone does.
 */
class RequestBodyLimitIT extends PostgresIntegrationTest {

	private static final String BASIC = "Basic "
			+ Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	@Autowired
	private JsonMapper json;

	private Api api;

	@BeforeEach
	void people() {
		this.api = new Api(baseUrl());
		seed(ALICE, OLGA);
	}

	@Test
	void aTooLargeDeclaredBodyIsRefusedBeforeItIsSent() throws IOException {
		// 150 MB announced, only the first few bytes sent: the answer comes without
		// waiting for the rest
		Raw response = exchange(
				head("POST", "/api/requests", "Content-Length: " + (150L * 1024 * 1024),
						"Content-Type: application/json"),
				"{\"title\":\"x\",\"details\":\"".getBytes(StandardCharsets.UTF_8), false);
		assertTooLarge(response);
		assertNothingSaved();
	}

	@Test
	void aBodyJustOverTheLimitIsRefusedAndOneJustUnderIsTaken() {
		Api.Response over = this.api.post("/api/requests", "alice", PASSWORD,
				padded("{\"title\":\"Over\",\"details\":\"Too big\"}", RequestLimits.API_BODY_LIMIT + 1));
		assertThat(over.status()).as(over.body()).isEqualTo(413);
		assertThat(over.isProblem()).isTrue();
		assertThat(over.json().get("detail").asString()).contains("64 KB");
		assertNothingSaved();

		Api.Response under = this.api.post("/api/requests", "alice", PASSWORD,
				padded("{\"title\":\"Under\",\"details\":\"Just fits\"}", RequestLimits.API_BODY_LIMIT));
		assertThat(under.status()).as(under.body()).isEqualTo(201);
		assertThat(this.jdbc.queryForObject("select count(*) from help_requests", Integer.class)).isOne();
	}

	@Test
	void aChunkedBodyIsReadOnlyUpToTheLimit() throws IOException {
		byte[] over = padded("{\"title\":\"Over\",\"details\":\"Too big\"}", RequestLimits.API_BODY_LIMIT + 1)
			.getBytes(StandardCharsets.UTF_8);
		assertTooLarge(
				exchange(head("POST", "/api/requests", "Transfer-Encoding: chunked", "Content-Type: application/json"),
						over, true));
		assertNothingSaved();

		byte[] under = padded("{\"title\":\"Under\",\"details\":\"Just fits\"}", RequestLimits.API_BODY_LIMIT)
			.getBytes(StandardCharsets.UTF_8);
		Raw taken = exchange(
				head("POST", "/api/requests", "Transfer-Encoding: chunked", "Content-Type: application/json"), under,
				true);
		assertThat(taken.status()).as(taken.text()).isEqualTo(201);
	}

	@Test
	void aTooLargePageFormIsRefusedWithAPage() {
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		PageClient.Response response = alice.post("/requests",
				Map.of("title", "Big", "details", "x".repeat(RequestLimits.PAGE_BODY_LIMIT)));
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.body()).contains("too large").doesNotContainIgnoringCase("exception");
		assertNothingSaved();

		// a draft the coach has nothing to say about, so that it is posted at once
		PageClient.Response fits = alice.post("/requests", Map.of("title", "Flyway migration fails on PostgreSQL",
				"details", "x".repeat(4_000), "triedSoFar", "Ran it again on a fresh database.", "topics", "sql"));
		assertThat(fits.status()).as(fits.body()).isEqualTo(302);
	}

	/**
	 * Tomcat parses forms itself, up to {@code server.tomcat.max-http-form-post-size}:
	 * past it the sign-in form is refused with 413 while its fields are read (for the
	 * CSRF token), not read whole and then refused for the missing token (403).
	 */
	@Test
	void aChunkedPageFormIsReadOnlyUpToTheLimit() throws IOException {
		byte[] form = ("username=alice&password=" + "x".repeat(RequestLimits.PAGE_BODY_LIMIT))
			.getBytes(StandardCharsets.US_ASCII);
		Raw response = exchange(
				head("POST", "/login", "Transfer-Encoding: chunked", "Content-Type: application/x-www-form-urlencoded"),
				form, true);
		assertThat(response.status()).as(response.text()).isEqualTo(413);
	}

	@Test
	void jsonTooDeepOrWithTooLongATextIsRefused() {
		String deep = "{\"title\":\"Deep\",\"details\":\"x\",\"extra\":" + "[".repeat(200) + "]".repeat(200) + "}";
		String longText = "{\"title\":\"Long\",\"details\":\"" + "x".repeat(40_000) + "\"}";
		for (String body : List.of(deep, longText)) {
			Api.Response refused = this.api.post("/api/requests", "alice", PASSWORD, body);
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.isProblem()).isTrue();
			assertThat(refused.json().get("detail").asString()).contains("too deeply nested");
		}
		assertNothingSaved();
		StreamReadConstraints constraints = this.json.tokenStreamFactory().streamReadConstraints();
		assertThat(constraints.getMaxDocumentLength()).isEqualTo(RequestLimits.API_BODY_LIMIT);
		assertThat(constraints.getMaxNestingDepth()).isLessThanOrEqualTo(32);
		assertThat(constraints.getMaxStringLength()).isLessThanOrEqualTo(20_000);
	}

	/**
	 * Several clients stream 50 MB each at once, chunked (so no length warns the server),
	 * half of them one long text: the server stops reading each after the limit (413), or
	 * at the JSON reader's limit on texts (400), answers long before the 50 MB are sent,
	 * and goes on answering. Without the limits each body was read whole, and a long text
	 * kept in memory.
	 */
	@Test
	void severalHugeBodiesAtOnceLeaveTheServerAnswering() throws Exception {
		int size = 50 * 1024 * 1024;
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<Raw>> spaces = new ArrayList<>();
			List<Future<Raw>> texts = new ArrayList<>();
			String beforeSpaces = "{\"title\":\"Huge\",\"details\":\"x\"";
			String beforeText = "{\"title\":\"Huge\",\"details\":\"";
			for (int i = 0; i < 2; i++) {
				spaces.add(clients.submit(() -> streamHuge(size, (byte) ' ', beforeSpaces)));
				texts.add(clients.submit(() -> streamHuge(size, (byte) 'x', beforeText)));
			}
			for (Future<Raw> each : spaces) {
				Raw response = each.get(2, TimeUnit.MINUTES);
				assertTooLarge(response);
				assertThat(response.sent()).as("bytes sent before the answer").isLessThan(size / 2);
			}
			for (Future<Raw> each : texts) {
				Raw response = each.get(2, TimeUnit.MINUTES);
				assertThat(response.status()).as(response.text()).isEqualTo(400);
				assertThat(response.text()).contains("too long a text");
				assertThat(response.sent()).as("bytes sent before the answer").isLessThan(size / 2);
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertNothingSaved();
		assertThat(this.api.get("/api/me", "alice", PASSWORD).status()).isEqualTo(200);
	}

	/**
	 * Streams a JSON body of {@code size} bytes, {@code start} and then {@code fill}, in
	 * 64 KB chunks; stops as soon as the server answers or closes the connection.
	 */
	private Raw streamHuge(int size, byte fill, String start) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			out.write(head("POST", "/api/requests", "Transfer-Encoding: chunked", "Content-Type: application/json"));
			byte[] chunk = new byte[64 * 1024];
			Arrays.fill(chunk, fill);
			byte[] first = start.getBytes(StandardCharsets.UTF_8);
			System.arraycopy(first, 0, chunk, 0, first.length);
			long sent = 0;
			try {
				while (sent < size && in.available() == 0) {
					writeChunk(out, chunk);
					sent += chunk.length;
				}
			}
			catch (IOException closed) {
				// the server stopped reading and closed the connection: its answer is
				// already on the way
			}
			Raw response = read(in);
			return new Raw(response.status(), response.text(), sent);
		}
	}

	private Raw exchange(byte[] head, byte[] body, boolean chunked) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head);
			if (chunked) {
				for (int at = 0; at < body.length; at += 8192) {
					writeChunk(out, Arrays.copyOfRange(body, at, Math.min(at + 8192, body.length)));
				}
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			else {
				out.write(body);
			}
			out.flush();
			return read(socket.getInputStream());
		}
	}

	private static void writeChunk(OutputStream out, byte[] chunk) throws IOException {
		out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(chunk);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private byte[] head(String method, String path, String... headers) {
		StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + this.port
				+ "\r\nAuthorization: " + BASIC + "\r\nAccept: application/json\r\nConnection: close\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The response's status line, headers and as much of the body as arrives before the
	 * connection closes.
	 */
	private static Raw read(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				received.write(buffer, 0, n);
				if (received.toString(StandardCharsets.UTF_8).contains("\"instance\"")) {
					break;
				}
			}
		}
		catch (SocketTimeoutException ex) {
			throw ex;
		}
		catch (IOException reset) {
			// a reset after the answer: what arrived is kept
		}
		String text = received.toString(StandardCharsets.UTF_8);
		assertThat(text).as("an HTTP answer").startsWith("HTTP/1.1 ");
		return new Raw(Integer.parseInt(text.substring(9, 12)), text, -1);
	}

	/** {@code json} with spaces before its closing brace, {@code length} bytes in all. */
	private static String padded(String json, int length) {
		return json.substring(0, json.length() - 1) + " ".repeat(length - json.length()) + "}";
	}

	private static void assertTooLarge(Raw response) {
		assertThat(response.status()).as(response.text()).isEqualTo(413);
		assertThat(response.text()).containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"status\":413");
	}

	private void assertNothingSaved() {
		assertThat(this.jdbc.queryForObject("select count(*) from help_requests", Integer.class)).isZero();
	}

	private record Raw(int status, String text, long sent) {
	}

}
