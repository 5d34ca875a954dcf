package org.handraise.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.handraise.shared.CountedPage;
import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;

/**
 * The lists count matching requests only up to {@code handraise.lists.count-ahead} beyond
 * the page's start (here 10): below that the total is exact, above it a lower bound that
 * says so, on the page, in the API and in the service; the page's content and the next
 * page are never affected.
 */
@TestPropertySource(properties = { "handraise.lists.count-ahead=10", "handraise.page-size=5" })
class CappedCountIT extends PostgresIntegrationTest {

	@Autowired
	RequestSeeding seeding;

	@Autowired
	RequestQueries queries;

	@BeforeEach
	void fourteenRequests() {
		seed(ALICE, BOB);
		Instant at = Instant.parse("2026-05-04T09:00:00Z");
		for (int k = 1; k <= 14; k++) {
			this.seeding.post("alice",
					new RequestDraft("Request number " + k + " needs a hand",
							"Details of request " + k + ", long enough to be a real question.", null, List.of("java"),
							null, false),
					at.plusSeconds(60L * k));
		}
	}

	@Test
	void theTotalIsExactUpToTheLimitAndALowerBoundBeyondIt() {
		CountedPage<RequestSummary> first = this.queries.search("bob", RequestFilter.none(), 0, 5);
		assertThat(first.getContent()).hasSize(5);
		assertThat(first.isTotalExact()).isFalse();
		assertThat(first.getTotalElements()).isEqualTo(10);
		assertThat(first.hasNext()).isTrue();

		CountedPage<RequestSummary> third = this.queries.search("bob", RequestFilter.none(), 2, 5);
		assertThat(third.getContent()).hasSize(4);
		assertThat(third.isTotalExact()).isTrue();
		assertThat(third.getTotalElements()).isEqualTo(14);
		assertThat(third.hasNext()).isFalse();

		CountedPage<RequestSummary> big = this.queries.search("bob", RequestFilter.none(), 0, 20);
		assertThat(big.getContent()).hasSize(14);
		assertThat(big.isTotalExact()).isTrue();
		assertThat(big.getTotalElements()).isEqualTo(14);

		// a page as wide as the limit still knows there is a next one
		CountedPage<RequestSummary> wide = this.queries.search("bob", RequestFilter.none(), 0, 10);
		assertThat(wide.getContent()).hasSize(10);
		assertThat(wide.hasNext()).isTrue();
		assertThat(wide.isTotalExact()).isFalse();
		assertThat(wide.getTotalElements()).isEqualTo(11);

		// every request is on exactly one page, newest first
		List<Long> ids = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			this.queries.search("bob", RequestFilter.none(), page, 5).forEach((r) -> ids.add(r.id()));
		}
		assertThat(ids).hasSize(14).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void theApiAndThePageSayWhenTheTotalIsALowerBound() {
		Api api = new Api(baseUrl());
		JsonNode first = api.get("/api/requests?size=5", "bob", PASSWORD).json();
		assertThat(first.get("totalElements").asLong()).isEqualTo(10);
		assertThat(first.get("totalExact").asBoolean()).isFalse();
		JsonNode last = api.get("/api/requests?size=5&page=2", "bob", PASSWORD).json();
		assertThat(last.get("totalElements").asLong()).isEqualTo(14);
		assertThat(last.get("totalExact").asBoolean()).isTrue();

		PageClient page = PageClient.signedIn(baseUrl(), "bob", PASSWORD);
		assertThat(page.get("/requests").body()).contains("10+ requests").contains("Page 1 of 2+");
		assertThat(page.get("/requests?page=2").body()).contains("14 requests")
			.contains("Page 3 of 3")
			.doesNotContain("+ requests");
	}

}
