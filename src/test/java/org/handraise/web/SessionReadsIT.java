package org.handraise.web;

import java.util.List;

import org.handraise.requests.RequestCommands;
import org.handraise.requests.RequestDraft;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * A signed-in page reads its session from the database once
 * ({@link SessionSaveOnceFilter}): Spring Session would otherwise read it a second time
 * when it saves it again at the end of a page whose response was already committed.
 * Counted on the session repository itself; pages of every size, the largest (home,
 * lists) above Tomcat's 8 KB buffer.
 */
class SessionReadsIT extends PostgresIntegrationTest {

	@MockitoSpyBean
	private JdbcIndexedSessionRepository sessions;

	@Autowired
	private RequestCommands requests;

	@Test
	void aPageReadsItsSessionOnce() {
		seed(ALICE);
		long id = 0;
		for (int k = 1; k <= 25; k++) {
			id = this.requests
				.post("alice",
						new RequestDraft("Request number " + k + " about our build",
								"Some details about request " + k + " so that the page has a body.", null,
								List.of("java"), "NORMAL", false))
				.id();
		}
		PageClient alice = PageClient.signedIn(baseUrl(), "alice", PASSWORD);
		for (String path : List.of("/", "/requests", "/requests/" + id, "/thanks", "/people", "/profile")) {
			clearInvocations(this.sessions);
			PageClient.Response page = alice.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			verify(this.sessions, times(1)).findById(anyString());
			if (path.equals("/requests")) {
				assertThat(page.body().length()).as("a page larger than Tomcat's default buffer").isGreaterThan(8192);
			}
		}
	}

}
