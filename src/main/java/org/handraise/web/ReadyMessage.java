package org.handraise.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says where Handraise answers once it is ready, so that whoever started it knows what to
 * open (and, with the demo data, how to sign in) without reading the rest of the log.
 */
@Component
class ReadyMessage {

	private static final Logger logger = LoggerFactory.getLogger("handraise");

	private final String baseUrl;

	private final boolean demoData;

	ReadyMessage(@Value("${handraise.base-url:}") String baseUrl,
			@Value("${handraise.demo-data:false}") boolean demoData) {
		this.baseUrl = baseUrl;
		this.demoData = demoData;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		logger.info(message(this.baseUrl, web.getWebServer().getPort(), this.demoData));
	}

	static String message(String baseUrl, int port, boolean demoData) {
		String url = (baseUrl != null && !baseUrl.isBlank()) ? baseUrl.strip() : "http://localhost:" + port;
		return "Handraise is ready at " + url
				+ (demoData ? " (demo accounts alice, maria, grace and admin, password demo)" : "")
				+ ". Stop it with Ctrl-C.";
	}

}
