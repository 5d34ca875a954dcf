package org.handraise.requests;

import java.util.List;

import org.handraise.people.PersonView;
import org.handraise.people.Role;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A person's load in the directory and on their page is the number of requests they hold
 * claimed, as the requests feature counts it: released, answered and resolved claims are
 * not counted, and someone who holds none has 0.
 */
class OpenClaimsIT extends PostgresIntegrationTest {

	@Autowired
	RequestCommands requests;

	@Test
	void aPersonsLoadIsTheRequestsTheyHoldClaimed() {
		person("alice", "Platform", List.of());
		person("maria", "Platform", List.of("java"), Role.MENTOR);
		person("marco", "Data", List.of("sql"), Role.MENTOR);
		person("gina", "Data", List.of("git"), Role.MENTOR);
		for (int i = 0; i < 3; i++) {
			this.requests.claim("maria", post("Held by maria " + i));
		}
		long released = post("Claimed by maria, then released");
		this.requests.claim("maria", released);
		this.requests.release("maria", released);
		long answered = post("Answered by marco");
		this.requests.claim("marco", answered);
		this.requests.offer("marco", answered, new OfferDraft("Try the index on created_at, it helps."));
		long resolved = post("Resolved after marco's claim");
		this.requests.claim("marco", resolved);
		this.requests.resolve("alice", resolved, null);
		this.requests.claim("marco", post("Held by marco"));

		assertThat(this.people.view("maria").openClaims()).isEqualTo(3);
		assertThat(this.people.view("marco").openClaims()).isEqualTo(1);
		assertThat(this.people.view("gina").openClaims()).isZero();
		assertThat(this.people.directory(0, 20).getContent()).extracting(PersonView::username, PersonView::openClaims)
			.contains(tuple("maria", 3L), tuple("marco", 1L), tuple("gina", 0L), tuple("alice", 0L));
	}

	private long post(String title) {
		return this.requests
			.post("alice",
					new RequestDraft(title, "Details long enough to be a real question here.", null, List.of("java"),
							"NORMAL", false))
			.id();
	}

}
