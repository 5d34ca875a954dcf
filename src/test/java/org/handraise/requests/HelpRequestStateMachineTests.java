package org.handraise.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.util.ReflectionTestUtils;

import org.handraise.people.Person;
import org.handraise.people.Role;
import org.handraise.people.TestPeople;
import org.handraise.shared.ConflictException;
import org.handraise.shared.ForbiddenException;
import org.handraise.shared.InvalidInputException;
import org.handraise.shared.Message;
import org.handraise.shared.MessageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The lifecycle of a {@link HelpRequest}: every status x every action x every kind of
 * actor, from one table. Requests are brought into each status through the real
 * transitions, starting from {@link HelpRequest#post}.
 */
class HelpRequestStateMachineTests {

	/** The application's messages, as the pages and the API resolve them. */
	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("messages");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	private static final Instant POSTED_AT = Instant.parse("2025-03-03T09:00:00Z");

	private static final Instant CLAIMED_AT = POSTED_AT.plus(Duration.ofMinutes(5));

	private static final Instant ANSWERED_AT = POSTED_AT.plus(Duration.ofMinutes(10));

	private static final Instant CLOSED_AT = POSTED_AT.plus(Duration.ofMinutes(15));

	private static final Instant NOW = POSTED_AT.plus(Duration.ofHours(1));

	/**
	 * Who tries the action. The author is a mentor too, so that claiming one's own
	 * request is refused for being one's own (a conflict), not for lacking the role. In
	 * CLAIMED, ANSWERED, RESOLVED and CANCELLED the request has been claimed by
	 * {@link #CLAIMER}.
	 */
	enum Actor {

		AUTHOR(TestPeople.person(1, "asha", Role.MENTOR)),

		CLAIMER(TestPeople.person(2, "carlos", Role.MENTOR)),

		OTHER_MENTOR(TestPeople.person(3, "mei", Role.MENTOR)),

		PEER(TestPeople.person(4, "pat"));

		final Person person;

		Actor(Person person) {
			this.person = person;
		}

	}

	private static final Person AUTHOR = Actor.AUTHOR.person;

	private static final Person CLAIMER = Actor.CLAIMER.person;

	private static final Person OTHER_MENTOR = Actor.OTHER_MENTOR.person;

	private static final Person PEER = Actor.PEER.person;

	/**
	 * What happens when each actor tries each action in each status: FORBIDDEN (403),
	 * CONFLICT (409), or the status the request is in afterwards.
	 */
	private static final String TABLE = """
			status    | action  | AUTHOR    | CLAIMER   | OTHER_MENTOR | PEER
			OPEN      | CLAIM   | CONFLICT  | CLAIMED   | CLAIMED      | FORBIDDEN
			OPEN      | RELEASE | CONFLICT  | CONFLICT  | CONFLICT     | CONFLICT
			OPEN      | OFFER   | CONFLICT  | ANSWERED  | ANSWERED     | ANSWERED
			OPEN      | RESOLVE | RESOLVED  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			OPEN      | CANCEL  | CANCELLED | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			OPEN      | REOPEN  | CONFLICT  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			OPEN      | EDIT    | OPEN      | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			CLAIMED   | CLAIM   | CONFLICT  | CONFLICT  | CONFLICT     | FORBIDDEN
			CLAIMED   | RELEASE | FORBIDDEN | OPEN      | FORBIDDEN    | FORBIDDEN
			CLAIMED   | OFFER   | CONFLICT  | ANSWERED  | ANSWERED     | ANSWERED
			CLAIMED   | RESOLVE | RESOLVED  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			CLAIMED   | CANCEL  | CANCELLED | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			CLAIMED   | REOPEN  | CONFLICT  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			CLAIMED   | EDIT    | CLAIMED   | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			ANSWERED  | CLAIM   | CONFLICT  | CONFLICT  | CONFLICT     | FORBIDDEN
			ANSWERED  | RELEASE | FORBIDDEN | ANSWERED  | FORBIDDEN    | FORBIDDEN
			ANSWERED  | OFFER   | CONFLICT  | ANSWERED  | ANSWERED     | ANSWERED
			ANSWERED  | RESOLVE | RESOLVED  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			ANSWERED  | CANCEL  | CANCELLED | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			ANSWERED  | REOPEN  | CONFLICT  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			ANSWERED  | EDIT    | ANSWERED  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			RESOLVED  | CLAIM   | CONFLICT  | CONFLICT  | CONFLICT     | FORBIDDEN
			RESOLVED  | RELEASE | FORBIDDEN | CONFLICT  | FORBIDDEN    | FORBIDDEN
			RESOLVED  | OFFER   | CONFLICT  | CONFLICT  | CONFLICT     | CONFLICT
			RESOLVED  | RESOLVE | CONFLICT  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			RESOLVED  | CANCEL  | CONFLICT  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			RESOLVED  | REOPEN  | OPEN      | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			RESOLVED  | EDIT    | CONFLICT  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			CANCELLED | CLAIM   | CONFLICT  | CONFLICT  | CONFLICT     | FORBIDDEN
			CANCELLED | RELEASE | FORBIDDEN | CONFLICT  | FORBIDDEN    | FORBIDDEN
			CANCELLED | OFFER   | CONFLICT  | CONFLICT  | CONFLICT     | CONFLICT
			CANCELLED | RESOLVE | CONFLICT  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			CANCELLED | CANCEL  | CONFLICT  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			CANCELLED | REOPEN  | CONFLICT  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			CANCELLED | EDIT    | CONFLICT  | FORBIDDEN | FORBIDDEN    | FORBIDDEN
			""";

	/**
	 * One cell of the table: allowed (and leading to {@link #next}) or refused with
	 * {@link #refusal}.
	 */
	record Outcome(RequestStatus next, Refusal.Kind refusal) {

		static Outcome parse(String cell) {
			return switch (cell) {
				case "FORBIDDEN" -> new Outcome(null, Refusal.Kind.FORBIDDEN);
				case "CONFLICT" -> new Outcome(null, Refusal.Kind.CONFLICT);
				default -> new Outcome(RequestStatus.valueOf(cell), null);
			};
		}

		boolean allowed() {
			return this.refusal == null;
		}

		@Override
		public String toString() {
			return allowed() ? "-> " + this.next : this.refusal.toString();
		}

	}

	private static final Map<RequestStatus, Map<Action, Map<Actor, Outcome>>> OUTCOMES = parse(TABLE);

	private static Map<RequestStatus, Map<Action, Map<Actor, Outcome>>> parse(String table) {
		List<String> lines = table.lines().filter((line) -> !line.isBlank()).toList();
		List<Actor> actors = Stream.of(lines.get(0).split("\\|"))
			.skip(2)
			.map(String::strip)
			.map(Actor::valueOf)
			.toList();
		Map<RequestStatus, Map<Action, Map<Actor, Outcome>>> outcomes = new EnumMap<>(RequestStatus.class);
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split("\\|");
			RequestStatus status = RequestStatus.valueOf(cells[0].strip());
			Action action = Action.valueOf(cells[1].strip());
			Map<Actor, Outcome> byActor = new EnumMap<>(Actor.class);
			for (int i = 0; i < actors.size(); i++) {
				byActor.put(actors.get(i), Outcome.parse(cells[i + 2].strip()));
			}
			Map<Action, Map<Actor, Outcome>> byAction = outcomes.computeIfAbsent(status,
					(s) -> new EnumMap<>(Action.class));
			assertThat(byAction.put(action, byActor)).as("duplicate row %s %s", status, action).isNull();
		}
		return outcomes;
	}

	static Stream<Arguments> everyStatusActionAndActor() {
		List<Arguments> cases = new ArrayList<>();
		for (RequestStatus status : RequestStatus.values()) {
			for (Action action : Action.values()) {
				for (Actor actor : Actor.values()) {
					cases.add(Arguments.of(status, action, actor, OUTCOMES.get(status).get(action).get(actor)));
				}
			}
		}
		return cases.stream();
	}

	static Stream<Arguments> everyStatusAndActor() {
		return Stream.of(RequestStatus.values())
			.flatMap((status) -> Stream.of(Actor.values()).map((actor) -> Arguments.of(status, actor)));
	}

	// the table

	@Test
	void theTableCoversEveryStatusActionAndActor() {
		assertThat(OUTCOMES).containsOnlyKeys(RequestStatus.values());
		OUTCOMES.values().forEach((byAction) -> {
			assertThat(byAction).containsOnlyKeys(Action.values());
			byAction.values().forEach((byActor) -> assertThat(byActor).containsOnlyKeys(Actor.values()));
		});
		assertThat(everyStatusActionAndActor()).hasSize(5 * 7 * 4);
	}

	@ParameterizedTest(name = "{0}: {2} tries {1} -> {3}")
	@MethodSource("everyStatusActionAndActor")
	void eachActionIsAllowedOrRefusedAsTheTableSays(RequestStatus status, Action action, Actor actor,
			Outcome expected) {
		HelpRequest request = requestIn(status);
		Snapshot before = Snapshot.of(request);

		Optional<Refusal> refusal = request.refusal(action, actor.person);

		if (expected.allowed()) {
			assertThat(refusal).isEmpty();
			perform(request, action, actor.person, NOW);
			assertThat(request.getStatus()).isEqualTo(expected.next());
			assertThat(request.getUpdatedAt()).isEqualTo(NOW);
			// releasing a claim on an answered request keeps its status, and still shows
			// in its history; so does an edit
			if (expected.next() != status || action == Action.RELEASE || action == Action.EDIT) {
				assertThat(request.getEvents()).hasSize(before.events() + 1);
				assertEvent(last(request.getEvents()), status, expected.next(), actor.person, NOW);
			}
			else {
				assertThat(request.getEvents()).as("no status change, no event").hasSize(before.events());
			}
		}
		else {
			assertThat(refusal).hasValueSatisfying((r) -> {
				assertThat(r.kind()).isEqualTo(expected.refusal());
				assertIsASentence(r.reason());
			});
			Throwable thrown = catchThrowable(() -> perform(request, action, actor.person, NOW));
			assertThat(thrown).isExactlyInstanceOf((expected.refusal() == Refusal.Kind.FORBIDDEN)
					? ForbiddenException.class : ConflictException.class);
			assertThat(((MessageException) thrown).reason()).isEqualTo(refusal.get().reason());
			assertThat(Snapshot.of(request)).as("a refused action changes nothing").isEqualTo(before);
		}
	}

	@ParameterizedTest(name = "{0}: actions for {1}")
	@MethodSource("everyStatusAndActor")
	void actionsForAreExactlyTheActionsWithoutARefusalAndTheTransitionsAgree(RequestStatus status, Actor actor) {
		Set<Action> fromTable = EnumSet.noneOf(Action.class);
		Set<Action> withoutRefusal = EnumSet.noneOf(Action.class);
		Set<Action> performable = EnumSet.noneOf(Action.class);
		for (Action action : Action.values()) {
			if (OUTCOMES.get(status).get(action).get(actor).allowed()) {
				fromTable.add(action);
			}
			if (requestIn(status).refusal(action, actor.person).isEmpty()) {
				withoutRefusal.add(action);
			}
			try {
				perform(requestIn(status), action, actor.person, NOW);
				performable.add(action);
			}
			catch (ForbiddenException | ConflictException ex) {
				// refused
			}
		}

		Set<Action> actions = requestIn(status).actionsFor(actor.person);

		assertThat(actions).isEqualTo(withoutRefusal).isEqualTo(performable).isEqualTo(fromTable);
	}

	// posting and events

	@Test
	void postingOpensTheRequestAndRecordsNullToOpenByTheAuthor() {
		HelpRequest request = post();

		assertThat(request.getStatus()).isEqualTo(RequestStatus.OPEN);
		assertThat(request.getAuthor()).isSameAs(AUTHOR);
		assertThat(request.getCreatedAt()).isEqualTo(POSTED_AT);
		assertThat(request.getUpdatedAt()).isEqualTo(POSTED_AT);
		assertThat(request.getClaimedBy()).isNull();
		assertThat(request.getFirstResponseAt()).isNull();
		assertThat(request.getResolvedAt()).isNull();
		assertThat(request.getEvents()).singleElement()
			.satisfies((event) -> assertEvent(event, null, RequestStatus.OPEN, AUTHOR, POSTED_AT));
	}

	@Test
	void everyStatusChangeAppendsExactlyOneEventInOrder() {
		HelpRequest request = post();
		Instant t = POSTED_AT;
		t = t.plusSeconds(60);
		request.claim(CLAIMER, t);
		t = t.plusSeconds(60);
		request.release(CLAIMER, t);
		t = t.plusSeconds(60);
		request.claim(OTHER_MENTOR, t);
		t = t.plusSeconds(60);
		request.offerHelp(PEER, "Have you tried clearing the cache?", t);
		t = t.plusSeconds(60);
		request.offerHelp(OTHER_MENTOR, "Pairing at 2?", t);
		t = t.plusSeconds(60);
		request.resolve(AUTHOR, null, t);
		t = t.plusSeconds(60);
		request.reopen(AUTHOR, "It came back.", t);
		t = t.plusSeconds(60);
		request.offerHelp(CLAIMER, "Still broken? Send me the log.", t);
		t = t.plusSeconds(60);
		request.cancel(AUTHOR, t);

		assertThat(request.getEvents())
			.extracting(RequestEvent::getFromStatus, RequestEvent::getToStatus, RequestEvent::getActor,
					RequestEvent::getOccurredAt)
			.containsExactly(tuple(null, RequestStatus.OPEN, AUTHOR, POSTED_AT),
					tuple(RequestStatus.OPEN, RequestStatus.CLAIMED, CLAIMER, POSTED_AT.plusSeconds(60)),
					tuple(RequestStatus.CLAIMED, RequestStatus.OPEN, CLAIMER, POSTED_AT.plusSeconds(120)),
					tuple(RequestStatus.OPEN, RequestStatus.CLAIMED, OTHER_MENTOR, POSTED_AT.plusSeconds(180)),
					tuple(RequestStatus.CLAIMED, RequestStatus.ANSWERED, PEER, POSTED_AT.plusSeconds(240)),
					// the second offer (300s) changes no status, so it has no event
					tuple(RequestStatus.ANSWERED, RequestStatus.RESOLVED, AUTHOR, POSTED_AT.plusSeconds(360)),
					tuple(RequestStatus.RESOLVED, RequestStatus.OPEN, AUTHOR, POSTED_AT.plusSeconds(420)),
					tuple(RequestStatus.OPEN, RequestStatus.ANSWERED, CLAIMER, POSTED_AT.plusSeconds(480)),
					tuple(RequestStatus.ANSWERED, RequestStatus.CANCELLED, AUTHOR, POSTED_AT.plusSeconds(540)));
		assertThat(request.getUpdatedAt()).isEqualTo(POSTED_AT.plusSeconds(540));
	}

	// claim and release

	@Test
	void claimingRecordsTheClaimerAndWhen() {
		HelpRequest request = post();

		request.claim(CLAIMER, CLAIMED_AT);

		assertThat(request.getClaimedBy()).isSameAs(CLAIMER);
		assertThat(request.getClaimedAt()).isEqualTo(CLAIMED_AT);
		assertThat(request.isClaimer(CLAIMER)).isTrue();
		assertThat(request.isClaimer(OTHER_MENTOR)).isFalse();
	}

	@Test
	void releasingClearsTheClaimSoAnotherMentorCanClaim() {
		HelpRequest request = requestIn(RequestStatus.CLAIMED);

		request.release(CLAIMER, NOW);

		assertThat(request.getClaimedBy()).isNull();
		assertThat(request.getClaimedAt()).isNull();
		assertThat(request.actionsFor(OTHER_MENTOR)).contains(Action.CLAIM);
		request.claim(OTHER_MENTOR, NOW.plusSeconds(1));
		assertThat(request.getClaimedBy()).isSameAs(OTHER_MENTOR);
	}

	@Test
	void aNonMentorClaimingTheirOwnRequestIsForbiddenBeforeItIsAConflict() {
		Person employee = TestPeople.person(10, "eve");
		HelpRequest request = HelpRequest.post(employee, "Flyway checksum mismatch after rebase",
				"Details long enough to be useful to someone reading them later on.", "flyway repair", Urgency.NORMAL,
				false, List.of(new Topic("flyway")), POSTED_AT);

		assertThatThrownBy(() -> request.claim(employee, NOW)).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void claimingAClaimedRequestIsAConflictNamingTheClaimer() {
		HelpRequest request = requestIn(RequestStatus.CLAIMED);

		assertThatThrownBy(() -> request.claim(OTHER_MENTOR, NOW)).isInstanceOf(ConflictException.class)
			.satisfies((ex) -> assertThat(english(((ConflictException) ex).reason()))
				.isEqualTo("This request is already claimed by " + CLAIMER.getDisplayName() + "."));
	}

	// offers

	@Test
	void theFirstOfferAnswersTheRequestAndSetsFirstResponseAtOnlyOnce() {
		HelpRequest request = post();
		request.claim(CLAIMER, CLAIMED_AT);
		assertThat(request.getFirstResponseAt()).as("a claim is not a response").isNull();

		Offer first = request.offerHelp(PEER, "Check the proxy settings.", ANSWERED_AT);

		assertThat(request.getStatus()).isEqualTo(RequestStatus.ANSWERED);
		assertThat(request.getFirstResponseAt()).isEqualTo(ANSWERED_AT);
		assertThat(first.getHelper()).isSameAs(PEER);
		assertThat(first.getMessage()).isEqualTo("Check the proxy settings.");
		assertThat(first.getCreatedAt()).isEqualTo(ANSWERED_AT);
		assertThat(first.isAccepted()).isFalse();

		request.offerHelp(OTHER_MENTOR, "Happy to pair.", ANSWERED_AT.plusSeconds(30));
		assertThat(request.getFirstResponseAt()).isEqualTo(ANSWERED_AT);

		request.resolve(AUTHOR, null, NOW.minusSeconds(30));
		request.reopen(AUTHOR, "It came back.", NOW);
		request.offerHelp(CLAIMER, "Try again with -U.", NOW.plusSeconds(30));
		assertThat(request.getFirstResponseAt()).as("reopening does not reset the first response")
			.isEqualTo(ANSWERED_AT);
		assertThat(request.getOffers()).hasSize(3);
	}

	@Test
	void anotherOfferOnAnAnsweredRequestKeepsItAnsweredWithoutAnEvent() {
		HelpRequest request = requestIn(RequestStatus.ANSWERED);
		int events = request.getEvents().size();

		request.offerHelp(OTHER_MENTOR, "Another idea.", NOW);

		assertThat(request.getStatus()).isEqualTo(RequestStatus.ANSWERED);
		assertThat(request.getEvents()).hasSize(events);
		assertThat(request.getOffers()).hasSize(2);
		assertThat(request.getUpdatedAt()).isEqualTo(NOW);
	}

	// resolve

	@Test
	void resolvingAcceptsTheChosenOfferOnly() {
		HelpRequest request = post();
		Offer first = withId(request.offerHelp(PEER, "Idea one.", ANSWERED_AT), 101L);
		Offer second = withId(request.offerHelp(OTHER_MENTOR, "Idea two.", ANSWERED_AT.plusSeconds(1)), 102L);

		request.resolve(AUTHOR, 102L, NOW);

		assertThat(request.getStatus()).isEqualTo(RequestStatus.RESOLVED);
		assertThat(request.getResolvedAt()).isEqualTo(NOW);
		assertThat(second.isAccepted()).isTrue();
		assertThat(first.isAccepted()).isFalse();
		assertEvent(last(request.getEvents()), RequestStatus.ANSWERED, RequestStatus.RESOLVED, AUTHOR, NOW);
	}

	@Test
	void resolvingAgainAfterReopeningAcceptsOnlyTheNewChoice() {
		HelpRequest request = post();
		Offer first = withId(request.offerHelp(PEER, "Idea one.", ANSWERED_AT), 101L);
		Offer second = withId(request.offerHelp(OTHER_MENTOR, "Idea two.", ANSWERED_AT.plusSeconds(1)), 102L);
		request.resolve(AUTHOR, 102L, CLOSED_AT);
		request.reopen(AUTHOR, "It came back.", CLOSED_AT.plusSeconds(60));
		request.offerHelp(PEER, "Idea three.", CLOSED_AT.plusSeconds(120));

		request.resolve(AUTHOR, 101L, NOW);

		assertThat(first.isAccepted()).isTrue();
		assertThat(second.isAccepted()).isFalse();
	}

	@Test
	void resolvingWithoutChoosingAnOfferAcceptsNone() {
		HelpRequest request = requestIn(RequestStatus.ANSWERED);

		request.resolve(AUTHOR, null, NOW);

		assertThat(request.getStatus()).isEqualTo(RequestStatus.RESOLVED);
		assertThat(request.getOffers()).noneMatch(Offer::isAccepted);
	}

	@Test
	void resolvingWithAnUnknownOfferIsInvalidInputAndChangesNothing() {
		HelpRequest request = post();
		withId(request.offerHelp(PEER, "Idea one.", ANSWERED_AT), 101L);
		HelpRequest elsewhere = post();
		withId(elsewhere.offerHelp(PEER, "Idea elsewhere.", ANSWERED_AT), 201L);
		Snapshot before = Snapshot.of(request);

		for (Long offerId : List.of(999L, 201L)) {
			assertThatThrownBy(() -> request.resolve(AUTHOR, offerId, NOW)).isInstanceOfSatisfying(
					InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactly("acceptedOfferId"));
		}

		assertThat(Snapshot.of(request)).isEqualTo(before);
		assertThat(request.getResolvedAt()).isNull();
		assertThat(request.getOffers()).noneMatch(Offer::isAccepted);
	}

	@Test
	void someoneElseResolvingWithAnUnknownOfferIsForbiddenFirst() {
		HelpRequest request = requestIn(RequestStatus.ANSWERED);

		assertThatThrownBy(() -> request.resolve(PEER, 999L, NOW)).isInstanceOf(ForbiddenException.class);
	}

	// cancel and reopen

	@Test
	void cancellingRecordsWhen() {
		HelpRequest request = requestIn(RequestStatus.CLAIMED);

		request.cancel(AUTHOR, NOW);

		assertThat(request.getStatus()).isEqualTo(RequestStatus.CANCELLED);
		assertThat(ReflectionTestUtils.getField(request, "cancelledAt")).isEqualTo(NOW);
		assertEvent(last(request.getEvents()), RequestStatus.CLAIMED, RequestStatus.CANCELLED, AUTHOR, NOW);
	}

	@ParameterizedTest
	@EnumSource(value = RequestStatus.class, names = { "RESOLVED" })
	void reopeningClearsTheClaimTheResolutionAndAcceptedOffers(RequestStatus status) {
		HelpRequest request = post();
		request.claim(CLAIMER, CLAIMED_AT);
		Offer offer = withId(request.offerHelp(PEER, "Idea.", ANSWERED_AT), 101L);
		if (status == RequestStatus.RESOLVED) {
			request.resolve(AUTHOR, 101L, CLOSED_AT);
			assertThat(offer.isAccepted()).isTrue();
		}

		request.reopen(AUTHOR, "It came back.", NOW);

		assertThat(request.getStatus()).isEqualTo(RequestStatus.OPEN);
		assertThat(request.getClaimedBy()).isNull();
		assertThat(request.getClaimedAt()).isNull();
		assertThat(request.getResolvedAt()).isNull();
		assertThat(offer.isAccepted()).isFalse();
		assertThat(request.getOffers()).as("offers are kept").containsExactly(offer);
		assertEvent(last(request.getEvents()), status, RequestStatus.OPEN, AUTHOR, NOW);
		assertThat(request.actionsFor(CLAIMER)).contains(Action.CLAIM).doesNotContain(Action.RELEASE);
		assertThat(request.actionsFor(OTHER_MENTOR)).contains(Action.CLAIM);
	}

	// helpers

	// changing and withdrawing offers, reopening with a reason

	@ParameterizedTest(name = "claimed first: {0}")
	@org.junit.jupiter.params.provider.ValueSource(booleans = { true, false })
	void withdrawingTheOnlyOfferOfAnAnsweredRequestMakesItClaimedOrOpenAgain(boolean claimed) {
		HelpRequest request = post();
		if (claimed) {
			request.claim(CLAIMER, CLAIMED_AT);
		}
		Offer offer = withId(request.offerHelp(PEER, "Idea.", ANSWERED_AT), 101L);

		request.withdrawOffer(PEER, 101L, NOW);

		RequestStatus back = claimed ? RequestStatus.CLAIMED : RequestStatus.OPEN;
		assertThat(request.getStatus()).isEqualTo(back);
		assertThat(request.getOffers()).doesNotContain(offer).isEmpty();
		assertThat(request.getFirstResponseAt()).as("no response left").isNull();
		assertThat(request.getClaimedBy()).isEqualTo(claimed ? CLAIMER : null);
		RequestEvent withdrawn = last(request.getEvents());
		assertEvent(withdrawn, RequestStatus.ANSWERED, back, PEER, NOW);
		assertThat(withdrawn.getKind()).as("not a reopening, not a claim").isEqualTo(EventKind.OFFER_WITHDRAWN);
	}

	@Test
	void withdrawingOneOfSeveralOffersKeepsTheRequestAnsweredAndMovesTheFirstResponse() {
		HelpRequest request = post();
		withId(request.offerHelp(PEER, "Idea.", ANSWERED_AT), 101L);
		withId(request.offerHelp(OTHER_MENTOR, "Another idea.", CLOSED_AT), 102L);

		request.withdrawOffer(PEER, 101L, NOW);

		assertThat(request.getStatus()).isEqualTo(RequestStatus.ANSWERED);
		assertThat(request.getFirstResponseAt()).isEqualTo(CLOSED_AT);
		assertEvent(last(request.getEvents()), RequestStatus.ANSWERED, RequestStatus.ANSWERED, PEER, NOW);
	}

	@Test
	void aHelperChangesTheirOwnOfferUntilItIsAccepted() {
		HelpRequest request = post();
		Offer offer = withId(request.offerHelp(PEER, "Idea.", ANSWERED_AT), 101L);

		request.editOffer(PEER, 101L, "A better idea.", NOW);

		assertThat(offer.getMessage()).isEqualTo("A better idea.");
		assertThat(offer.getEditedAt()).isEqualTo(NOW);
		assertThat(request.mayChange(offer, PEER)).isTrue();
		assertThat(request.mayChange(offer, AUTHOR)).isFalse();
	}

	@Test
	void onlyItsHelperMayChangeAnOfferAndOnlyUntilItIsAcceptedOrTheRequestIsClosed() {
		HelpRequest request = post();
		Offer offer = withId(request.offerHelp(PEER, "Idea.", ANSWERED_AT), 101L);
		withId(request.offerHelp(OTHER_MENTOR, "Another idea.", ANSWERED_AT), 102L);
		Snapshot before = Snapshot.of(request);

		assertThatThrownBy(() -> request.withdrawOffer(OTHER_MENTOR, 101L, NOW))
			.isExactlyInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> request.editOffer(AUTHOR, 101L, "Mine now.", NOW))
			.isExactlyInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> request.withdrawOffer(PEER, 999L, NOW))
			.isExactlyInstanceOf(org.handraise.shared.NotFoundException.class);
		assertThat(Snapshot.of(request)).isEqualTo(before);
		assertThat(offer.getMessage()).isEqualTo("Idea.");

		request.resolve(AUTHOR, 101L, CLOSED_AT);
		assertThat(request.offerRefusal(offer, PEER)).hasValueSatisfying((r) -> {
			assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
			assertThat(english(r.reason())).isEqualTo("This offer is accepted, so it stays as it is.");
		});
		assertThatThrownBy(() -> request.withdrawOffer(OTHER_MENTOR, 102L, NOW)).as("the request is resolved")
			.isExactlyInstanceOf(ConflictException.class);
		assertThat(request.getOffers()).hasSize(2);
	}

	@Test
	void reopeningRecordsTheReasonInTheHistory() {
		HelpRequest request = requestIn(RequestStatus.RESOLVED);

		request.reopen(AUTHOR, "It came back after the upgrade.", NOW);

		RequestEvent reopened = last(request.getEvents());
		assertThat(reopened.getKind()).isEqualTo(EventKind.REOPENED);
		assertThat(reopened.getNote()).isEqualTo("It came back after the upgrade.");
	}

	@Test
	void aClaimerWhoAnsweredMayStillReleaseTheClaimAndTheRequestStaysAnswered() {
		HelpRequest request = requestIn(RequestStatus.ANSWERED);
		assertThat(request.actionsFor(CLAIMER)).contains(Action.RELEASE);

		request.release(CLAIMER, NOW);

		assertThat(request.getStatus()).isEqualTo(RequestStatus.ANSWERED);
		assertThat(request.getClaimedBy()).isNull();
		assertThat(last(request.getEvents()).getKind()).isEqualTo(EventKind.RELEASED);
	}

	@Test
	void anEditReplacesTheTextTopicsAndUrgencyKeepsTheStatusAndAnonymityAndIsInTheHistory() {
		HelpRequest request = HelpRequest.post(AUTHOR, "Old title", "Old details.", "Old try.", Urgency.HIGH, true,
				List.of(new Topic("maven"), new Topic("java")), POSTED_AT);
		request.claim(CLAIMER, CLAIMED_AT);

		request.edit(AUTHOR, "New title", "New details.", null, Urgency.LOW, List.of(new Topic("gradle")), NOW);

		assertThat(request.getTitle()).isEqualTo("New title");
		assertThat(request.getDetails()).isEqualTo("New details.");
		assertThat(request.getTriedSoFar()).isNull();
		assertThat(request.getUrgency()).isEqualTo(Urgency.LOW);
		assertThat(request.getTopics()).extracting(Topic::getName).containsExactly("gradle");
		assertThat(request.isAnonymous()).as("the anonymous flag is not editable").isTrue();
		assertThat(request.getStatus()).isEqualTo(RequestStatus.CLAIMED);
		assertThat(request.getClaimedBy()).isSameAs(CLAIMER);
		assertThat(request.getUpdatedAt()).isEqualTo(NOW);
		RequestEvent edited = last(request.getEvents());
		assertThat(edited.getKind()).isEqualTo(EventKind.EDITED);
		assertEvent(edited, RequestStatus.CLAIMED, RequestStatus.CLAIMED, AUTHOR, NOW);
	}

	@Test
	void theLikelyActionComesFirstAndEveryoneHearsWhatHappensNext() {
		HelpRequest request = post();
		assertThat(request.actionsFor(AUTHOR)).containsExactly(Action.CANCEL, Action.EDIT, Action.RESOLVE);
		assertThat(request.nextStepFor(AUTHOR)).isEqualTo(NextStep.WAITING);
		assertThat(request.nextStepFor(PEER)).isEqualTo(NextStep.OFFER);
		assertThat(request.nextStepFor(OTHER_MENTOR)).isEqualTo(NextStep.CLAIM_OR_OFFER);

		request.offerHelp(PEER, "Idea.", ANSWERED_AT);

		assertThat(request.actionsFor(AUTHOR)).containsExactly(Action.RESOLVE, Action.CANCEL, Action.EDIT);
		assertThat(request.nextStepFor(AUTHOR)).isEqualTo(NextStep.CHOOSE_OFFER);
		assertThat(request.nextStepFor(PEER)).isEqualTo(NextStep.YOU_OFFERED);
		request.resolve(AUTHOR, null, CLOSED_AT);
		assertThat(request.nextStepFor(AUTHOR)).isEqualTo(NextStep.YOU_RESOLVED);
		assertThat(request.nextStepFor(PEER)).isEqualTo(NextStep.RESOLVED);
	}

	private static HelpRequest post() {
		return HelpRequest.post(AUTHOR, "Maven offline build cannot resolve the Boot parent",
				"Running ./mvnw -o fails with a resolution error for spring-boot-starter-parent.",
				"Deleted ~/.m2 and retried online first.", Urgency.HIGH, false, List.of(new Topic("maven")), POSTED_AT);
	}

	/**
	 * A request brought into {@code status} through the real transitions; claimed by
	 * CLAIMER unless OPEN.
	 */
	private static HelpRequest requestIn(RequestStatus status) {
		HelpRequest request = post();
		switch (status) {
			case OPEN -> {
			}
			case CLAIMED -> request.claim(CLAIMER, CLAIMED_AT);
			case ANSWERED -> {
				request.claim(CLAIMER, CLAIMED_AT);
				request.offerHelp(PEER, "Try the -U flag.", ANSWERED_AT);
			}
			case RESOLVED -> {
				request.claim(CLAIMER, CLAIMED_AT);
				request.offerHelp(PEER, "Try the -U flag.", ANSWERED_AT);
				request.resolve(AUTHOR, null, CLOSED_AT);
			}
			case CANCELLED -> {
				request.claim(CLAIMER, CLAIMED_AT);
				request.cancel(AUTHOR, CLOSED_AT);
			}
			default -> throw new IllegalArgumentException(status.name());
		}
		assertThat(request.getStatus()).isEqualTo(status);
		return request;
	}

	private static void perform(HelpRequest request, Action action, Person actor, Instant now) {
		switch (action) {
			case CLAIM -> request.claim(actor, now);
			case RELEASE -> request.release(actor, now);
			case OFFER -> request.offerHelp(actor, "Here is what worked for me.", now);
			case RESOLVE -> request.resolve(actor, null, now);
			case CANCEL -> request.cancel(actor, now);
			case REOPEN -> request.reopen(actor, "It came back.", now);
			case EDIT -> request.edit(actor, "Maven offline build fails", "The parent POM is missing.", null,
					Urgency.LOW, List.of(new Topic("build")), now);
			default -> throw new IllegalArgumentException(action.name());
		}
	}

	private static Offer withId(Offer offer, long id) {
		ReflectionTestUtils.setField(offer, "id", id);
		return offer;
	}

	private static <T> T last(List<T> list) {
		return list.get(list.size() - 1);
	}

	private static void assertEvent(RequestEvent event, RequestStatus from, RequestStatus to, Person actor,
			Instant at) {
		assertThat(event.getFromStatus()).as("from").isEqualTo(from);
		assertThat(event.getToStatus()).as("to").isEqualTo(to);
		assertThat(event.getActor()).as("actor").isSameAs(actor);
		assertThat(event.getOccurredAt()).as("occurredAt").isEqualTo(at);
	}

	/**
	 * The reason as people read it in English: resolved from messages.properties, as the
	 * pages and the API do.
	 */
	private static void assertIsASentence(Message reason) {
		assertThat(english(reason)).isNotBlank().matches("\\p{Lu}.*[.]").doesNotContain("null").doesNotContain("{");
	}

	private static String english(Message message) {
		return MESSAGES.getMessage(message, Locale.ENGLISH);
	}

	/** What a refused action must leave untouched. */
	record Snapshot(RequestStatus status, Person claimedBy, Instant claimedAt, Instant firstResponseAt,
			Instant resolvedAt, Instant updatedAt, int events, int offers, List<Boolean> accepted) {

		static Snapshot of(HelpRequest request) {
			return new Snapshot(request.getStatus(), request.getClaimedBy(), request.getClaimedAt(),
					request.getFirstResponseAt(), request.getResolvedAt(), request.getUpdatedAt(),
					request.getEvents().size(), request.getOffers().size(),
					request.getOffers().stream().map(Offer::isAccepted).toList());
		}

	}

}
