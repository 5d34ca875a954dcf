package org.handraise.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client chooses the {@code Host} header it sends; nothing Handraise writes for others
 * may take its word for where Handraise lives. Absolute addresses come from
 * {@code handraise.base-url}; without it, addresses are relative. (Behind a trusted
 * proxy, its {@code X-Forwarded-Host} is believed:
 * {@link org.handraise.security.TrustedProxyIT}.)
 */
class HostHeaderIT extends PostgresIntegrationTest {

	@Test
	void theApiDocumentNamesNoServerFromTheHostHeader() {
		String response = get("/v3/api-docs", "evil.example");
		assertThat(response).startsWith("HTTP/1.1 200");
		assertThat(response).doesNotContain("evil.example").contains("\"servers\":[{\"url\":\"/\"");
	}

	@Test
	void redirectsDoNotPointAtTheHostHeader() {
		String response = get("/requests", "evil.example");
		assertThat(response).startsWith("HTTP/1.1 302");
		assertThat(response).as(response).doesNotContain("evil.example");
	}

	@Nested
	@TestPropertySource(properties = "handraise.base-url=https://help.example.com")
	class WithABaseUrl {

		@Test
		void theApiDocumentNamesTheConfiguredServer() {
			String response = get("/v3/api-docs", "evil.example");
			assertThat(response).startsWith("HTTP/1.1 200");
			assertThat(response).doesNotContain("evil.example")
				.contains("\"servers\":[{\"url\":\"https://help.example.com\"");
		}

	}

	/**
	 * A raw HTTP/1.1 GET, since Java's HTTP client will not send a Host header of our
	 * choosing.
	 */
	String get(String path, String host) {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json, text/html\r\n"
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			in.transferTo(body);
			return body.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
