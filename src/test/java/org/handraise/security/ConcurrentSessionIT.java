package org.handraise.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;

/**
 * Many requests of one session at once, right after signing in (tabs restored by a
 * browser): each page makes the session's CSRF token, and Spring Session writes it as a
 * session attribute. Every one of them must answer 200; with plain inserts, the
 * concurrent writes of the same attribute failed on its primary key and some pages were
 * 500s.
 */
class ConcurrentSessionIT extends PostgresIntegrationTest {

	private static final int TABS = 16;

	@Test
	void tabsOpenedAtOnceAfterSigningInAllLoad() throws Exception {
		seed(ALICE);
		ExecutorService pool = Executors.newFixedThreadPool(TABS);
		try {
			for (int round = 0; round < 5; round++) {
				// signed in, and nothing loaded yet: the session has no CSRF token until
				// a page makes one
				PageClient alice = PageClient.anonymous(baseUrl());
				assertThat(alice.post("/login", Map.of("username", "alice", "password", PASSWORD)).status())
					.isEqualTo(302);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Integer>> pages = new ArrayList<>();
				for (int i = 0; i < TABS; i++) {
					String path = List.of("/", "/requests", "/thanks", "/people").get(i % 4);
					pages.add(pool.submit(() -> {
						start.await();
						return alice.get(path).status();
					}));
				}
				start.countDown();
				for (Future<Integer> page : pages) {
					assertThat(page.get()).as("round %d", round).isEqualTo(200);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
