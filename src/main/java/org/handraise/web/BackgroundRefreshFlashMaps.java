package org.handraise.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Flash attributes (the "You claimed this request" banner after a redirect) for the page
 * the browser is shown, never for a page's background refresh. A request's page fetches
 * itself again when the request changes (live updates), marked with the header
 * {@value #HEADER}; the change may be the person's own, whose redirect is on its way, and
 * the refresh must not take the banner that redirect left for the page it leads to.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class BackgroundRefreshFlashMaps implements FlashMapManager {

	/** The header a page's background refresh sends. */
	static final String HEADER = "X-Handraise-Refresh";

	private final FlashMapManager session = new SessionFlashMapManager();

	@Override
	public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
		if (request.getHeader(HEADER) != null) {
			return null;
		}
		return this.session.retrieveAndUpdate(request, response);
	}

	@Override
	public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
		this.session.saveOutputFlashMap(flashMap, request, response);
	}

}
