package org.handraise.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;

/**
 * Failed sign-ins per client address, beside those per account name: 20 failures from one
 * address within 15 minutes stop every sign-in from it, whatever the name and the
 * password, while other addresses sign in as before; the refused attempts count against
 * no account. The address is the one the trusted proxy forwards (as in
 * {@link TrustedProxyIT}, whose setup this shares).
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class AddressThrottleIT extends PostgresIntegrationTest {

	private static final String ATTACKER = "203.0.113.7";

	private static final String COLLEAGUE = "198.51.100.9";

	@BeforeEach
	void people() {
		seed(ALICE, BOB);
	}

	@Test
	void twentyFailuresFromOneAddressStopEverySignInFromItButNotFromOthers() {
		for (int i = 0; i < 20; i++) {
			// four failures for each of five names: no account name is locked
			assertThat(send(ATTACKER, "guess-" + (i % 5), "wrong-password")).isEqualTo(401);
		}
		assertThat(this.jdbc.queryForObject("select count(*) from login_throttle where locked_until is not null",
				Integer.class))
			.isZero();

		assertThat(send(ATTACKER, "alice", PASSWORD)).as("the right password, from the locked address").isEqualTo(401);
		assertThat(send(ATTACKER, "bob", PASSWORD)).as("another name, from the locked address").isEqualTo(401);
		for (int i = 0; i < 10; i++) {
			send(ATTACKER, "bob", "wrong-password");
		}
		assertThat(
				this.jdbc.queryForObject("select count(*) from login_throttle where username = 'bob'", Integer.class))
			.as("refused before the password: nothing counted against bob")
			.isZero();

		assertThat(send(COLLEAGUE, "alice", PASSWORD)).as("another address").isEqualTo(200);
		assertThat(send(COLLEAGUE, "bob", PASSWORD)).isEqualTo(200);
		assertThat(this.jdbc.queryForList("select address from login_throttle_address where locked_until is not null",
				String.class))
			.containsExactly(ATTACKER);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_events where action = 'ADDRESS_LOCKED' and subject = ?", Integer.class,
				ATTACKER))
			.isEqualTo(1);
	}

	@Test
	void aSuccessfulSignInDoesNotClearTheAddressCount() {
		for (int i = 0; i < 19; i++) {
			send(ATTACKER, "guess-" + (i % 5), "wrong-password");
		}
		assertThat(send(ATTACKER, "alice", PASSWORD)).isEqualTo(200);
		send(ATTACKER, "guess-x", "wrong-password");
		assertThat(send(ATTACKER, "alice", PASSWORD)).isEqualTo(401);
	}

	@Test
	void anIpv6AddressCountsForItsSlash64() {
		assertThat(LoginThrottle.addressKey("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:0:1::/64");
		assertThat(LoginThrottle.addressKey("2001:0db8:0000:0001::1")).isEqualTo("2001:db8:0:1::/64");
		assertThat(LoginThrottle.addressKey("2001:db8:0:2::1")).isEqualTo("2001:db8:0:2::/64");
		assertThat(LoginThrottle.addressKey("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
		assertThat(LoginThrottle.addressKey("192.0.2.1")).isEqualTo("192.0.2.1");
		assertThat(LoginThrottle.addressKey("not\u0000an-address")).startsWith("#");
	}

	/**
	 * HTTP Basic on {@code /api/me} through the trusted proxy, from {@code address}; the
	 * status.
	 */
	private int send(String address, String username, String password) {
		String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/me"))
			.timeout(Duration.ofSeconds(30))
			.header("X-Forwarded-For", address)
			.header("Authorization", "Basic " + basic)
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
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
