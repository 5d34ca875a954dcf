package org.handraise.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The absolute session lifetime, with a fixed clock: younger sessions pass, older ones
 * end.
 */
class AbsoluteSessionTimeoutFilterTests {

	private static final Instant CREATED = Instant.parse("2026-03-02T08:00:00Z");

	@Test
	void aSessionYoungerThanTheLimitPasses() throws Exception {
		MockHttpSession session = session();
		MockHttpServletResponse response = run(session, CREATED.plus(Duration.ofHours(12)));
		assertThat(session.isInvalid()).isFalse();
		assertThat(response.getRedirectedUrl()).isNull();
	}

	@Test
	void aSessionOlderThanTheLimitEndsAndTheBrowserGoesToSignIn() throws Exception {
		MockHttpSession session = session();
		MockHttpServletResponse response = run(session, CREATED.plus(Duration.ofHours(12)).plusSeconds(1));
		assertThat(session.isInvalid()).isTrue();
		assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
	}

	@Test
	void noSessionNothingToDo() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/requests");
		MockFilterChain chain = new MockFilterChain();
		filter(CREATED.plus(Duration.ofDays(30))).doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(request.getSession(false)).isNull();
	}

	private static MockHttpServletResponse run(MockHttpSession session, Instant now) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/requests");
		request.setSession(session);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter(now).doFilter(request, response, chain);
		assertThat(chain.getRequest() != null).isEqualTo(response.getRedirectedUrl() == null);
		return response;
	}

	private static AbsoluteSessionTimeoutFilter filter(Instant now) {
		return new AbsoluteSessionTimeoutFilter(Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));
	}

	private static MockHttpSession session() {
		return new MockHttpSession() {
			@Override
			public long getCreationTime() {
				return CREATED.toEpochMilli();
			}
		};
	}

}
