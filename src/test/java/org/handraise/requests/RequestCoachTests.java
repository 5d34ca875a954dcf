package org.handraise.requests;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestCoachTests {

	private static final String GOOD_TITLE = "Flyway migration V7 fails on PostgreSQL 16 with duplicate key";

	private static final String GOOD_DETAILS = "Since yesterday the app refuses to start: Flyway stops at V7 with "
			+ "a duplicate key on topics_name_key. Staging is fine, only my local database fails.";

	private static final String GOOD_TRIED = "Dropped the local database and ran flyway repair.";

	private static final List<String> GOOD_TOPICS = List.of("flyway", "postgresql");

	private static RequestDraft draft(String title, String details, String triedSoFar, List<String> topics) {
		return new RequestDraft(title, details, triedSoFar, topics, "NORMAL", false);
	}

	@Test
	void aGoodSpecificDraftGetsNoTips() {
		assertThat(RequestCoach.review(draft(GOOD_TITLE, GOOD_DETAILS, GOOD_TRIED, GOOD_TOPICS))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Help", "help!!", "Urgent problem", "Build broken", "Please help ASAP",
			"Stuck on an error", "Question about Kafka consumers", "Login not working after deploy",
			"Tests doesn't work on CI", "Maven issue", "Two words", "Three short words" })
	void vagueOrVeryShortTitlesGetTheVagueTitleTip(String title) {
		assertThat(RequestCoach.review(draft(title, GOOD_DETAILS, GOOD_TRIED, GOOD_TOPICS)))
			.containsExactly("coach.title.vague");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Gradle daemon crashes during javadoc", GOOD_TITLE,
			"Error when Flyway migrates the payments schema on startup",
			"Kafka consumer stuck rebalancing after upgrading to client 3.7" })
	void specificTitlesGetNoVagueTitleTip(String title) {
		assertThat(RequestCoach.review(draft(title, GOOD_DETAILS, GOOD_TRIED, GOOD_TOPICS))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "It fails.", "See title", "Stack trace attached, NPE in OrderService line 42" })
	void shortDetailsGetTheShortDetailsTip(String details) {
		assertThat(RequestCoach.review(draft(GOOD_TITLE, details, GOOD_TRIED, GOOD_TOPICS)))
			.containsExactly("coach.details.short");
	}

	@Test
	void detailsAreShortBelowSixtyCharactersIgnoringSurroundingWhitespace() {
		String fiftyNine = "x".repeat(59);
		String sixty = "x".repeat(60);

		assertThat(RequestCoach.review(draft(GOOD_TITLE, "  " + fiftyNine + "\n", GOOD_TRIED, GOOD_TOPICS)))
			.containsExactly("coach.details.short");
		assertThat(RequestCoach.review(draft(GOOD_TITLE, sixty, GOOD_TRIED, GOOD_TOPICS))).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\n\t" })
	void anEmptyTriedSoFarGetsTheTriedEmptyTip(String triedSoFar) {
		assertThat(RequestCoach.review(draft(GOOD_TITLE, GOOD_DETAILS, triedSoFar, GOOD_TOPICS)))
			.containsExactly("coach.tried.empty");
	}

	@Test
	void noTopicsGetTheTopicsEmptyTip() {
		assertThat(RequestCoach.review(draft(GOOD_TITLE, GOOD_DETAILS, GOOD_TRIED, List.of())))
			.containsExactly("coach.topics.empty");
		assertThat(RequestCoach.review(draft(GOOD_TITLE, GOOD_DETAILS, GOOD_TRIED, null)))
			.containsExactly("coach.topics.empty");
	}

	@Test
	void aPoorDraftGetsEveryTipInOrder() {
		assertThat(RequestCoach.review(draft("Help pls", "It is broken.", "", List.of())))
			.containsExactly("coach.title.vague", "coach.details.short", "coach.tried.empty", "coach.topics.empty");
	}

	// when the coach speaks

	@Test
	void aDraftTheCoachHasNotReviewedWithTipsIsHeldBack() {
		RequestCoach.Advice advice = RequestCoach.advise(draft("help pls", "it does not work", "", List.of()), null);

		assertThat(advice.tips()).containsExactly("coach.title.vague", "coach.details.short", "coach.tried.empty",
				"coach.topics.empty");
		assertThat(advice.alreadyShown()).isFalse();
		assertThat(advice.holdsBack()).isTrue();
	}

	@Test
	void exactlyTheDraftTheCoachReviewedIsNotHeldBackAgain() {
		RequestDraft draft = draft("help pls", "it does not work", "", List.of());
		String reviewed = RequestCoach.advise(draft, null).fingerprint();

		RequestCoach.Advice again = RequestCoach.advise(draft("help pls", "it does not work", "", List.of()), reviewed);

		assertThat(again.alreadyShown()).isTrue();
		assertThat(again.holdsBack()).isFalse();
		assertThat(again.tips()).as("the tips are still known, only not held against the draft").isNotEmpty();
	}

	@Test
	void aDraftReviewedWithABlankTitleIsReviewedAgainOnceTheTitleIsTyped() {
		// the failed submit: no title, so no title tip, but the coach spoke about this
		// draft
		RequestDraft blankTitle = draft("", "it does not work", "", List.of());
		RequestCoach.Advice first = RequestCoach.advise(blankTitle, null);
		assertThat(first.tips()).doesNotContain("coach.title.vague").isNotEmpty();

		RequestCoach.Advice second = RequestCoach.advise(draft("help pls", "it does not work", "", List.of()),
				first.fingerprint());

		assertThat(second.holdsBack()).isTrue();
		assertThat(second.tips()).contains("coach.title.vague");
	}

	@Test
	void everyFieldTheCoachReadsChangesTheFingerprint() {
		String base = RequestCoach.fingerprint(draft(GOOD_TITLE, GOOD_DETAILS, GOOD_TRIED, GOOD_TOPICS));

		assertThat(List.of(RequestCoach.fingerprint(draft(GOOD_TITLE + "!", GOOD_DETAILS, GOOD_TRIED, GOOD_TOPICS)),
				RequestCoach.fingerprint(draft(GOOD_TITLE, GOOD_DETAILS + "!", GOOD_TRIED, GOOD_TOPICS)),
				RequestCoach.fingerprint(draft(GOOD_TITLE, GOOD_DETAILS, GOOD_TRIED + "!", GOOD_TOPICS)),
				RequestCoach.fingerprint(draft(GOOD_TITLE, GOOD_DETAILS, GOOD_TRIED, List.of("flyway")))))
			.doesNotContain(base)
			.doesNotHaveDuplicates();
	}

	@Test
	void fieldsDoNotBleedIntoEachOtherInTheFingerprint() {
		assertThat(RequestCoach.fingerprint(draft("ab", "c", null, List.of())))
			.isNotEqualTo(RequestCoach.fingerprint(draft("a", "bc", null, List.of())));
	}

	@Test
	void surroundingWhitespaceIsNoChange() {
		assertThat(RequestCoach.fingerprint(draft("  " + GOOD_TITLE + "\n", GOOD_DETAILS, GOOD_TRIED, GOOD_TOPICS)))
			.isEqualTo(RequestCoach.fingerprint(draft(GOOD_TITLE, GOOD_DETAILS, GOOD_TRIED, GOOD_TOPICS)));
	}

	@Test
	void aDraftWithoutTipsIsNeverHeldBack() {
		assertThat(RequestCoach.advise(draft(GOOD_TITLE, GOOD_DETAILS, GOOD_TRIED, GOOD_TOPICS), null).holdsBack())
			.isFalse();
	}

	@Test
	void everyTipNamesTheFieldItIsAbout() {
		assertThat(RequestCoach.review(draft("Help pls", "It is broken.", "", List.of()))
			.stream()
			.map(RequestCoach::field)
			.toList()).containsExactly("title", "details", "triedSoFar", "topics");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Alice Martin", "alice", "MARTIN", "amartin", "Platform" })
	void anAnonymousDraftThatNamesItsAuthorGetsATip(String name) {
		List<String> alice = List.of("Alice", "Martin", "Alice Martin", "amartin", "Platform");
		RequestDraft anonymous = new RequestDraft(GOOD_TITLE, GOOD_DETAILS + " Ask " + name + " for the logs.",
				GOOD_TRIED, GOOD_TOPICS, "NORMAL", true);
		assertThat(RequestCoach.review(anonymous, alice)).containsExactly("coach.anonymous.identifies");
		RequestDraft named = new RequestDraft(GOOD_TITLE, anonymous.details(), GOOD_TRIED, GOOD_TOPICS, "NORMAL",
				false);
		assertThat(RequestCoach.review(named, alice)).as("not anonymous: nothing to give away").isEmpty();
	}

	@Test
	void onlyWholeWordsIdentifyTheAuthorAndNamesInTheTitleOrTriedSoFarCountToo() {
		List<String> al = List.of("Al", "Platform", "al");
		RequestDraft withinWords = new RequestDraft("Deploying to the platformer service fails with an alert",
				GOOD_DETAILS + " Also totally normal.", GOOD_TRIED, GOOD_TOPICS, "NORMAL", true);
		assertThat(RequestCoach.review(withinWords, al)).isEmpty();
		RequestDraft title = new RequestDraft("Platform deploy fails with a duplicate key on startup", GOOD_DETAILS,
				GOOD_TRIED, GOOD_TOPICS, "NORMAL", true);
		assertThat(RequestCoach.review(title, al)).containsExactly("coach.anonymous.identifies");
		RequestDraft tried = new RequestDraft(GOOD_TITLE, GOOD_DETAILS, "Asked Al in the kitchen.", GOOD_TOPICS,
				"NORMAL", true);
		assertThat(RequestCoach.review(tried, al)).containsExactly("coach.anonymous.identifies");
	}

}
