package org.handraise.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's page refreshing itself in the background while the person's own redirect is
 * on its way leaves the redirect's banner for the page the redirect leads to.
 */
class BackgroundRefreshFlashMapsTests {

	private final BackgroundRefreshFlashMaps flashMaps = new BackgroundRefreshFlashMaps();

	private final MockHttpSession session = new MockHttpSession();

	@Test
	void aBackgroundRefreshOfThePageLeavesTheBannerForTheRedirectedPage() {
		leaveBannerFor("/requests/7");

		MockHttpServletRequest refresh = get("/requests/7");
		refresh.addHeader(BackgroundRefreshFlashMaps.HEADER, "1");
		Map<String, Object> refreshed = this.flashMaps.retrieveAndUpdate(refresh, new MockHttpServletResponse());
		assertThat(refreshed).isNull();

		Map<String, Object> shown = this.flashMaps.retrieveAndUpdate(get("/requests/7"), new MockHttpServletResponse());
		assertThat(shown).containsEntry("flashSuccess", "flash.request.claimed");
		Map<String, Object> again = this.flashMaps.retrieveAndUpdate(get("/requests/7"), new MockHttpServletResponse());
		assertThat(again).as("shown once").isNull();
	}

	private void leaveBannerFor(String path) {
		FlashMap banner = new FlashMap();
		banner.put("flashSuccess", "flash.request.claimed");
		banner.setTargetRequestPath(path);
		MockHttpServletRequest post = new MockHttpServletRequest("POST", path + "/claim");
		post.setSession(this.session);
		this.flashMaps.saveOutputFlashMap(banner, post, new MockHttpServletResponse());
	}

	private MockHttpServletRequest get(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setSession(this.session);
		return request;
	}

}
