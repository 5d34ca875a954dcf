package org.handraise.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.handraise.people.Contact;
import org.handraise.people.PeopleService;
import org.handraise.requests.EventKind;
import org.handraise.requests.EventReason;
import org.handraise.requests.RequestActivity;
import org.handraise.thanks.ThanksSent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Who hears what, rule by rule: the author of what others do, helpers of how it ends,
 * mentors of a new request on their skills; nobody of their own action; a deactivated
 * person of nothing; an anonymous author named to nobody else.
 */
class NoticePlannerTests {

	private static final Instant AT = Instant.parse("2026-03-02T10:15:30Z");

	private final PeopleService people = mock(PeopleService.class);

	private final NoticePlanner planner = new NoticePlanner(this.people);

	@BeforeEach
	void everyoneIsActiveButDan() {
		given(this.people.contacts(any())).willAnswer((call) -> {
			Collection<String> usernames = call.getArgument(0);
			return usernames.stream()
				.filter((u) -> !u.equals("dan"))
				.distinct()
				.map((u) -> new Contact(u, Character.toUpperCase(u.charAt(0)) + u.substring(1) + " Doe", u + "@x.org"))
				.toList();
		});
	}

	@Test
	void theAuthorHearsOfAClaimByTheClaimersName() {
		List<Notice> notices = this.planner.about(activity(EventKind.CLAIMED, "maria", false, Set.of("maria"), null));
		assertThat(notices).singleElement().satisfies((n) -> {
			assertThat(n.recipient()).isEqualTo("alice");
			assertThat(n.kind()).isEqualTo(NotificationKind.REQUEST_CLAIMED);
			assertThat(n.category()).isEqualTo(NotificationCategory.MY_REQUESTS);
			assertThat(n.actorName()).isEqualTo("Maria Doe");
			assertThat(n.source()).isEqualTo("history:7");
			assertThat(n.at()).isEqualTo(AT);
		});
	}

	@Test
	void aReleaseBecauseTheHelperLeftReadsSo() {
		RequestActivity released = new RequestActivity(1, "history:8", EventKind.RELEASED, EventReason.HELPER_LEFT,
				"olga", AT, "Title", "alice", false, Set.of("marco"), null, Set.of(), null);
		assertThat(this.planner.about(released)).singleElement()
			.satisfies((n) -> assertThat(n.variant()).isEqualTo("helper-left"));
	}

	@Test
	void helpersHearOfTheResolutionAndTheAcceptedOneReadsSo() {
		List<Notice> notices = this.planner
			.about(activity(EventKind.RESOLVED, "alice", false, Set.of("maria", "marco", "dan"), "maria"));
		assertThat(notices).extracting(Notice::recipient).containsExactlyInAnyOrder("maria", "marco");
		assertThat(notices).allSatisfy((n) -> {
			assertThat(n.kind()).isEqualTo(NotificationKind.REQUEST_RESOLVED);
			assertThat(n.category()).isEqualTo(NotificationCategory.HELPING);
			assertThat(n.actorName()).isEqualTo("Alice Doe");
		});
		assertThat(notices).filteredOn((n) -> n.recipient().equals("maria"))
			.singleElement()
			.satisfies((n) -> assertThat(n.variant()).isEqualTo("accepted"));
		assertThat(notices).filteredOn((n) -> n.recipient().equals("marco"))
			.singleElement()
			.satisfies((n) -> assertThat(n.variant()).isNull());
	}

	@Test
	void anAnonymousAuthorsActionsReachHelpersWithNoName() {
		for (EventKind kind : List.of(EventKind.RESOLVED, EventKind.REOPENED, EventKind.CANCELLED)) {
			assertThat(this.planner.about(activity(kind, "alice", true, Set.of("maria"), null))).as(kind.name())
				.singleElement()
				.satisfies((n) -> assertThat(n.actorName()).isNull());
		}
		// others' actions on it reach the author by their names
		assertThat(this.planner.about(activity(EventKind.OFFERED, "maria", true, Set.of("maria"), null)))
			.singleElement()
			.satisfies((n) -> assertThat(n.actorName()).isEqualTo("Maria Doe"));
	}

	@Test
	void nobodyHearsOfTheirOwnActionNorADeactivatedPersonOfAnything() {
		assertThat(this.planner.about(activity(EventKind.EDITED, "alice", false, Set.of("maria"), null))).isEmpty();
		assertThat(this.planner.about(activity(EventKind.CANCELLED, "alice", false, Set.of(), null))).isEmpty();
		RequestActivity byDan = new RequestActivity(1, "history:9", EventKind.CLAIMED, null, "maria", AT, "Title",
				"dan", false, Set.of("maria"), null, Set.of(), null);
		assertThat(this.planner.about(byDan)).as("the author was deactivated").isEmpty();
	}

	@Test
	void mentorsWithTheSkillHearOfANewRequestButNotItsAuthor() {
		given(this.people.mentorsWithSkills(Set.of("sql", "java"))).willReturn(
				List.of(new Contact("maria", "Maria Doe", "m@x.org"), new Contact("alice", "Alice", "a@x.org")));
		RequestActivity posted = new RequestActivity(1, "history:1", EventKind.POSTED, null, "alice", AT, "Title",
				"alice", true, Set.of(), null, Set.of("sql", "java"), null);
		assertThat(this.planner.about(posted)).singleElement().satisfies((n) -> {
			assertThat(n.recipient()).isEqualTo("maria");
			assertThat(n.kind()).isEqualTo(NotificationKind.REQUEST_MATCHES_SKILLS);
			assertThat(n.category()).isEqualTo(NotificationCategory.SKILL_MATCHES);
			assertThat(n.actorName()).isNull();
			assertThat(n.detail()).isEqualTo("java, sql");
		});
	}

	@Test
	void theRecipientOfANoteHearsOfItAndAnAnonymousAuthorIsNotNamed() {
		ThanksSent named = new ThanksSent(3, "alice", "maria", 1L, "Title", false, "Thanks!", AT);
		assertThat(this.planner.about(named)).singleElement().satisfies((n) -> {
			assertThat(n.kind()).isEqualTo(NotificationKind.THANKS_RECEIVED);
			assertThat(n.actorName()).isEqualTo("Alice Doe");
			assertThat(n.variant()).isEqualTo("for-request");
			assertThat(n.source()).isEqualTo("thanks:3");
		});
		ThanksSent hidden = new ThanksSent(4, "alice", "maria", 1L, "Title", true, "Thanks!", AT);
		assertThat(this.planner.about(hidden)).singleElement().satisfies((n) -> assertThat(n.actorName()).isNull());
		ThanksSent general = new ThanksSent(5, "bob", "maria", null, null, false, "x".repeat(500), AT);
		assertThat(this.planner.about(general)).singleElement().satisfies((n) -> {
			assertThat(n.variant()).isNull();
			assertThat(n.detail()).hasSize(NoticePlanner.EXCERPT).endsWith("\u2026");
		});
	}

	private static RequestActivity activity(EventKind kind, String actor, boolean anonymous, Set<String> helpers,
			String accepted) {
		return new RequestActivity(1, "history:7", kind, null, actor, AT, "Flyway fails", "alice", anonymous, helpers,
				accepted, Set.of("sql"), null);
	}

}
