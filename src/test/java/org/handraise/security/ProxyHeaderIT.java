package org.handraise.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import org.apache.catalina.util.NetMaskSet;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;

/**
 * Proxies: {@code X-Forwarded-*} is believed only from the configured proxy addresses.
 * Here the forwarded headers are switched on as on the {@code postgres} profile, but the
 * only trusted proxy is an address the test does not connect from, so every request is
 * from an untrusted client that spoofs {@code X-Forwarded-For}: the audit log records the
 * real peer address, and the sign-in throttle (keyed by account name) neither resets nor
 * moves.
 */
@TestPropertySource(properties = { "server.forward-headers-strategy=native",
		"server.tomcat.remoteip.internal-proxies=10.255.255.254/32" })
class ProxyHeaderIT extends PostgresIntegrationTest {

	@BeforeEach
	void people() {
		seed(ALICE, BOB);
	}

	@Test
	void aSpoofedForwardedForDoesNotChangeTheRecordedAddress() {
		assertThat(signIn("alice", "wrong-password", "203.0.113.7")).isEqualTo(401);
		assertThat(signIn("alice", "wrong-password", "203.0.113.8, 10.255.255.254")).isEqualTo(401);
		List<String> addresses = this.jdbc.queryForList(
				"select client_address from audit_events where action = 'LOGIN_FAILURE' order by id", String.class);
		assertThat(addresses).hasSize(2).allSatisfy((address) -> {
			assertThat(address).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
			assertThat(address).doesNotStartWith("203.").doesNotStartWith("10.");
		});
	}

	@Test
	void aSpoofedForwardedForNeitherResetsNorShiftsTheThrottle() {
		for (int i = 0; i < 5; i++) {
			assertThat(signIn("alice", "wrong-password", "198.51.100." + i)).isEqualTo(401);
		}
		for (String spoofed : List.of("198.51.100.200", "127.0.0.1", "10.255.255.254", "::1")) {
			assertThat(signIn("alice", PASSWORD, spoofed)).as("alice, locked, claiming to be " + spoofed)
				.isEqualTo(401);
		}
		assertThat(signIn("alice", PASSWORD, null)).as("alice, locked, without the header").isEqualTo(401);
		assertThat(signIn("bob", PASSWORD, "198.51.100.0")).as("bob, from alice's claimed address").isEqualTo(200);
		assertThat(this.jdbc.queryForList("select username from login_throttle where locked_until is not null",
				String.class))
			.containsExactly("alice");
		assertThat(this.jdbc.queryForObject("select count(*) from login_throttle", Integer.class))
			.as("one key per account name, none per address")
			.isEqualTo(1);
	}

	@Test
	void byDefaultOnlyLoopbackIsATrustedProxy() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		String internalProxies = properties.getProperty("server.tomcat.remoteip.internal-proxies");
		assertThat(internalProxies).isNotBlank();
		NetMaskSet trusted = new NetMaskSet();
		trusted.addAll(internalProxies);
		for (String loopback : List.of("127.0.0.1", "127.1.2.3", "::1")) {
			assertThat(trusted.contains(InetAddress.getByName(loopback))).as(loopback).isTrue();
		}
		for (String other : List.of("10.0.0.5", "192.168.1.10", "172.16.0.1", "100.64.0.1", "169.254.1.1", "fc00::1",
				"fe80::1", "203.0.113.7")) {
			assertThat(trusted.contains(InetAddress.getByName(other))).as(other + " is not trusted").isFalse();
		}
	}

	/**
	 * HTTP Basic on the API, with an {@code X-Forwarded-For} header when one is given.
	 */
	private int signIn(String user, String password, String forwardedFor) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/me"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor).header("X-Real-IP", forwardedFor);
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
