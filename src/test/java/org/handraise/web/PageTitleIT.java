package org.handraise.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handraise.people.Role;
import org.handraise.requests.RequestCommands;
import org.handraise.requests.RequestDraft;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.GRACE;
import static org.handraise.support.DemoCast.MARIA;

/**
 * Every page has a title of its own, "what the page is · Handraise", so that tabs,
 * bookmarks, the browser's history and screen readers tell pages apart; the 403 page says
 * who the page is for and whom to ask.
 */
class PageTitleIT extends PostgresIntegrationTest {

	private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

	@Autowired
	RequestCommands requests;

	@Test
	void everyPageHasItsOwnTitle() {
		seed(ALICE, MARIA, GRACE);
		person("boss", null, List.of(), Role.ADMIN);
		long id = this.requests
			.post("alice",
					new RequestDraft("Flyway migration fails on startup",
							"The V3 migration fails with a checksum" + " error after a rebase.", null, List.of("java"),
							null, false))
			.id();
		PageClient anonymous = PageClient.anonymous(baseUrl());
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		PageClient maria = PageClient.signedIn(baseUrl(), "maria", PASSWORD);
		PageClient grace = PageClient.signedIn(baseUrl(), "grace", PASSWORD);
		PageClient boss = PageClient.signedIn(baseUrl(), "boss", PASSWORD);

		Map<String, String> titles = new LinkedHashMap<>();
		titles.put("/login", title(anonymous, "/login", 200));
		titles.put("/", title(alice, "/", 200));
		titles.put("/requests", title(alice, "/requests", 200));
		titles.put("/requests/new", title(alice, "/requests/new", 200));
		titles.put("/requests/" + id, title(alice, "/requests/" + id, 200));
		titles.put("/mentor", title(maria, "/mentor", 200));
		titles.put("/thanks", title(alice, "/thanks", 200));
		titles.put("/people", title(alice, "/people", 200));
		titles.put("/people/maria", title(alice, "/people/maria", 200));
		titles.put("/profile", title(alice, "/profile", 200));
		titles.put("/stats", title(grace, "/stats", 200));
		titles.put("/admin/people", title(boss, "/admin/people", 200));
		titles.put("/admin/people/new", title(boss, "/admin/people/new", 200));
		titles.put("/admin/people/maria", title(boss, "/admin/people/maria", 200));
		titles.put("/admin/audit", title(boss, "/admin/audit", 200));
		titles.put("404", title(alice, "/requests/999999", 404));
		titles.put("403", title(alice, "/stats", 403));

		assertThat(titles.get("/requests/" + id)).isEqualTo("Flyway migration fails on startup \u00b7 Handraise");
		assertThat(titles.get("/requests/new")).isEqualTo("Ask for help \u00b7 Handraise");
		assertThat(titles.get("/people")).isEqualTo("People \u00b7 Handraise");
		assertThat(titles.values()).allSatisfy((title) -> assertThat(title).endsWith(" \u00b7 Handraise"));
		assertThat(titles.values()).as(titles.toString()).doesNotHaveDuplicates().doesNotContain("Handraise");
	}

	@Test
	void theForbiddenPageSaysWhoThePageIsForAndWhomToAsk() {
		seed(ALICE);
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		assertThat(alice.get("/stats").body()).contains("This page is for managers and administrators.",
				"If you need access, ask your Handraise administrator.");
		assertThat(alice.get("/admin/people").body()).contains("This page is for administrators.",
				"If you need access, ask your Handraise administrator.");
		assertThat(alice.get("/admin/audit").body()).contains("This page is for administrators.");
		assertThat(alice.get("/mentor").body()).contains("This page is for mentors.");
	}

	private static String title(PageClient client, String path, int status) {
		PageClient.Response response = client.get(path);
		assertThat(response.status()).as(path).isEqualTo(status);
		Matcher title = TITLE.matcher(response.body());
		assertThat(title.find()).as(path).isTrue();
		return title.group(1).replace("&middot;", "\u00b7").replace("&#183;", "\u00b7");
	}

}
