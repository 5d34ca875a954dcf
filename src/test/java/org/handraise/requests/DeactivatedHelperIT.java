package org.handraise.requests;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.MARCO;
import static org.handraise.support.DemoCast.MARIA;
import static org.handraise.support.DemoCast.OLGA;

/**
 * An administrator deactivates a mentor: every claim the mentor holds is released in the
 * same transaction, each recorded in the request's history as released because the helper
 * left (by the administrator), and the requests go back to the queue; the mentor's
 * offers, and requests that are closed or held by someone else, stay as they are. The
 * statistics and the audit log follow.
 */
class DeactivatedHelperIT extends PostgresIntegrationTest {

	@Autowired
	RequestCommands requests;

	@Autowired
	RequestQueries queries;

	private long claimed;

	private long answered;

	private long othersClaim;

	private long resolved;

	private long offeredOnly;

	@BeforeEach
	void marcoHoldsClaims() {
		seed(OLGA, ALICE, BOB, MARIA, MARCO);
		this.claimed = post("alice", "Claimed by marco");
		this.requests.claim("marco", this.claimed);
		this.answered = post("alice", "Claimed by marco, answered by maria");
		this.requests.claim("marco", this.answered);
		this.requests.offer("maria", this.answered, new OfferDraft("Try the index on created_at."));
		this.othersClaim = post("bob", "Claimed by maria");
		this.requests.claim("maria", this.othersClaim);
		this.resolved = post("bob", "Claimed by marco and resolved");
		this.requests.claim("marco", this.resolved);
		this.requests.resolve("bob", this.resolved, null);
		this.offeredOnly = post("bob", "Marco offered help");
		this.requests.offer("marco", this.offeredOnly, new OfferDraft("Happy to pair on it this afternoon."));
	}

	@Test
	void deactivatingAMentorReleasesTheirClaimsBackToTheQueue() {
		deactivate("marco");

		RequestView open = this.queries.view("maria", this.claimed);
		assertThat(open.status()).isEqualTo(RequestStatus.OPEN);
		assertThat(open.claimedBy()).isNull();
		assertThat(open.claimedAt()).isNull();
		assertThat(open.actions()).as("another mentor can claim it").contains(Action.CLAIM);
		EventView left = open.history().get(open.history().size() - 1);
		assertThat(left.reason()).isEqualTo(EventReason.HELPER_LEFT);
		assertThat(left.from()).isEqualTo(RequestStatus.CLAIMED);
		assertThat(left.to()).isEqualTo(RequestStatus.OPEN);
		assertThat(left.actor().username()).as("the administrator who deactivated marco").isEqualTo("olga");
		assertThat(this.queries.mentorQueue("maria", 0, 20).getContent()).extracting(RequestSummary::id)
			.contains(this.claimed);
		this.requests.claim("maria", this.claimed);
		assertThat(this.queries.view("maria", this.claimed).claimedBy().username()).isEqualTo("maria");

		RequestView stillAnswered = this.queries.view("alice", this.answered);
		assertThat(stillAnswered.status()).isEqualTo(RequestStatus.ANSWERED);
		assertThat(stillAnswered.claimedBy()).isNull();
		assertThat(stillAnswered.offers()).hasSize(1);
		assertThat(stillAnswered.history().get(stillAnswered.history().size() - 1).reason())
			.isEqualTo(EventReason.HELPER_LEFT);

		RequestView untouched = this.queries.view("bob", this.othersClaim);
		assertThat(untouched.status()).isEqualTo(RequestStatus.CLAIMED);
		assertThat(untouched.claimedBy().username()).isEqualTo("maria");
		assertThat(this.queries.view("bob", this.resolved).status()).isEqualTo(RequestStatus.RESOLVED);
		assertThat(this.queries.view("bob", this.resolved).history()).extracting(EventView::reason).containsOnlyNulls();
		RequestView offered = this.queries.view("bob", this.offeredOnly);
		assertThat(offered.offers()).extracting((o) -> o.helper().username()).containsExactly("marco");
		assertThat(offered.history()).extracting(EventView::reason).containsOnlyNulls();
	}

	@Test
	void anOrdinaryReleaseHasNoReason() {
		this.requests.release("maria", this.othersClaim);
		RequestView view = this.queries.view("bob", this.othersClaim);
		assertThat(view.history().get(view.history().size() - 1).reason()).isNull();
	}

	@Test
	void theApiHistoryTheStatisticsAndTheAuditLogShowTheRelease() {
		deactivate("marco");

		Api.Response api = new Api(baseUrl()).get("/api/requests/" + this.claimed, "alice", PASSWORD);
		assertThat(api.status()).isEqualTo(200);
		JsonNode history = api.json().get("history");
		JsonNode last = history.get(history.size() - 1);
		assertThat(last.get("reason").asString()).isEqualTo("HELPER_LEFT");
		assertThat(last.get("to").asString()).isEqualTo("OPEN");
		assertThat(history.get(0).get("reason").isNull()).isTrue();

		assertThat(this.jdbc.queryForObject("select status from stats_request where request_id = ?", String.class,
				this.claimed))
			.isEqualTo("OPEN");
		assertThat(this.jdbc.queryForObject("select coalesce(sum(posted), 0) from stats_day where status = 'CLAIMED'",
				Long.class))
			.as("the daily roll-up counts maria's claim only, not marco's")
			.isEqualTo(1L);

		String audit = PageClient.signedIn(baseUrl(), "olga", PASSWORD).get("/admin/audit").body();
		assertThat(audit).contains("from CLAIMED, HELPER_LEFT").contains("from ANSWERED, HELPER_LEFT");
	}

	@Test
	void theRequestPageSaysTheHelperLeft() {
		deactivate("marco");
		String page = PageClient.signedIn(baseUrl(), "alice", PASSWORD).get("/requests/" + this.claimed).body();
		assertThat(page).contains("released it because the helper left").doesNotContain("claimed by Marco");
	}

	private void deactivate(String username) {
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		olga.get("/admin/people/" + username);
		PageClient.Response done = olga.post("/admin/people/" + username + "/deactivate", Map.of());
		assertThat(done.status()).isEqualTo(302);
		assertThat(olga.follow(done).body()).contains("alert-success");
	}

	private long post(String author, String title) {
		return this.requests.post(author, new RequestDraft(title, "Some details.", null, List.of("sql"), null, false))
			.id();
	}

}
