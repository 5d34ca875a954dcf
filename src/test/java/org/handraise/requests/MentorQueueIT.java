package org.handraise.requests;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.handraise.people.Role;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.BOB;
import static org.handraise.support.DemoCast.CAROL;
import static org.handraise.support.DemoCast.DAVE;
import static org.handraise.support.DemoCast.GINA;
import static org.handraise.support.DemoCast.MARIA;

/**
 * The home page's suggestions are the first requests of the mentor's queue, in the
 * queue's order (on the mentor's skills first, then the most urgent, then the oldest;
 * never the mentor's own, only open ones), although they are found by a different query
 * (index-ordered parts instead of sorting the whole queue).
 */
class MentorQueueIT extends PostgresIntegrationTest {

	private static final List<String> TOPICS = List.of("java", "sql", "kubernetes", "react", "flyway", "git");

	private static final List<String> AUTHORS = List.of("alice", "bob", "maria", "carol");

	@Autowired
	RequestSeeding seeding;

	@Autowired
	RequestQueries queries;

	@Test
	void suggestionsAreTheHeadOfTheQueue() {
		seed(ALICE, BOB, CAROL.inTeam("Payments"), MARIA.withSkills("java", "sql"), DAVE.withRoles(Role.MENTOR), GINA);
		Random random = new Random(7);
		Instant at = Instant.parse("2026-06-01T08:00:00Z");
		for (int round = 0; round < 6; round++) {
			for (int k = 0; k < 8; k++) {
				at = at.plusSeconds(60 + random.nextInt(3600));
				String author = AUTHORS.get(random.nextInt(AUTHORS.size()));
				List<String> topics = List.of(TOPICS.get(random.nextInt(TOPICS.size())),
						TOPICS.get(random.nextInt(TOPICS.size())));
				long id = this.seeding
					.post(author, new RequestDraft("Request " + round + "-" + k + " needs a hand",
							"Details long enough to be a real question.", null, topics.stream().distinct().toList(),
							Urgency.values()[random.nextInt(3)].name(), random.nextInt(4) == 0), at)
					.id();
				if (random.nextInt(3) == 0) {
					String claimer = List.of("dave", "gina").get(random.nextInt(2));
					if (!author.equals(claimer)) {
						this.seeding.act(claimer, id, Action.CLAIM, at.plusSeconds(5), null, null);
					}
				}
			}
			for (String mentor : List.of("maria", "dave", "gina")) {
				List<Long> queue = this.queries.mentorQueue(mentor, 0, 5).map(RequestSummary::id).getContent();
				List<Long> suggested = this.queries.home(mentor).suggested().stream().map(RequestSummary::id).toList();
				assertThat(suggested).as("%s after round %d", mentor, round).isEqualTo(queue);
				assertThat(suggested).isNotEmpty();
			}
		}
	}

}
