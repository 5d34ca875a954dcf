package org.handraise.security;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which origins are Handraise's own: the request's scheme, host and port, and the
 * configured base URL's origin (for a proxy whose forwarded headers are not believed).
 * {@link CrossSiteApiIT} runs the filter in the app.
 */
class SameOriginFilterTests {

	@Test
	void theConfiguredBaseUrlsOriginIsOwnButNoOtherSite() {
		SameOriginFilter filter = new SameOriginFilter((request, response, denied) -> response.setStatus(403),
				"https://Help.Example.com/");
		assertThat(passes(filter, "https://help.example.com")).isTrue();
		assertThat(passes(filter, "https://help.example.com:443")).isTrue();
		assertThat(passes(filter, "http://help.example.com")).as("another scheme").isFalse();
		assertThat(passes(filter, "https://help.example.com.evil.example")).isFalse();
		assertThat(passes(filter, "https://evil.example")).isFalse();
		assertThat(passes(filter, "null")).isFalse();
		assertThat(passes(filter, "http://internal:8080")).as("the request's own origin").isTrue();
	}

	@Test
	void withoutABaseUrlOnlyTheRequestsOwnOriginIsOwn() {
		SameOriginFilter filter = new SameOriginFilter((request, response, denied) -> response.setStatus(403), "");
		assertThat(passes(filter, "http://internal:8080")).isTrue();
		assertThat(passes(filter, "https://help.example.com")).isFalse();
	}

	private static boolean passes(SameOriginFilter filter, String origin) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/requests/1/cancel");
		request.setScheme("http");
		request.setServerName("internal");
		request.setServerPort(8080);
		request.addHeader("Origin", origin);
		AtomicBoolean passed = new AtomicBoolean();
		try {
			filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
				@Override
				public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
					passed.set(true);
				}
			});
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return passed.get();
	}

}
