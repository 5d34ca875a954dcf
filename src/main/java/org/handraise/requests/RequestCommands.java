package org.handraise.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.handraise.people.PeopleService;
import org.handraise.people.Person;
import org.handraise.people.PersonDeactivated;
import org.handraise.people.PersonRef;
import org.handraise.shared.ConflictException;
import org.handraise.shared.HelpMetrics;
import org.handraise.shared.Labels;
import org.handraise.shared.NotFoundException;
import org.handraise.shared.Validation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help loop's changes: post, edit, claim, release, offer and its changes, resolve,
 * cancel, reopen. The rules themselves live in {@link HelpRequest}; this service loads,
 * checks input, saves, announces each change ({@link RequestChanged}) and answers with
 * the request as the actor sees it ({@link RequestViews}). Pages and API both call it.
 */
@Service
@Transactional(readOnly = true)
public class RequestCommands {

	private final HelpRequests requests;

	private final Topics topics;

	private final PeopleService people;

	private final Validation validation;

	private final HelpMetrics metrics;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	RequestCommands(HelpRequests requests, Topics topics, PeopleService people, Validation validation,
			HelpMetrics metrics, Clock clock, ApplicationEventPublisher events) {
		this.metrics = metrics;
		this.events = events;
		this.requests = requests;
		this.topics = topics;
		this.people = people;
		this.validation = validation;
		this.clock = clock;
	}

	/**
	 * Checks a draft without posting it; throws
	 * {@link org.handraise.shared.InvalidInputException}.
	 */
	public void validate(RequestDraft draft) {
		this.validation.check(draft);
	}

	@Transactional
	public RequestView post(String username, RequestDraft draft) {
		return post(username, draft, this.clock.instant());
	}

	/** Posts with an explicit time; {@link RequestSeeding} seeds history with it. */
	@Transactional
	RequestView post(String username, RequestDraft draft, Instant at) {
		this.validation.check(draft);
		Person author = this.people.byUsername(username);
		HelpRequest request = HelpRequest.post(author, draft.title(), draft.details(), emptyToNull(draft.triedSoFar()),
				draft.urgencyOrDefault(), draft.anonymous(), topicsNamed(draft.topics()), at);
		this.requests.saveAndFlush(request);
		this.events.publishEvent(RequestChanged.posted(request.getId()));
		announce(request, 0, 0);
		this.metrics.posted();
		return RequestViews.toView(request, author);
	}

	@Transactional
	public RequestView claim(String username, long id) {
		return change(username, id, (request, actor, now) -> request.claim(actor, now));
	}

	@Transactional
	public RequestView release(String username, long id) {
		return change(username, id, (request, actor, now) -> request.release(actor, now));
	}

	@Transactional
	public RequestView cancel(String username, long id) {
		return change(username, id, (request, actor, now) -> request.cancel(actor, now));
	}

	/** Reopens a resolved request; the reason goes into its history. */
	@Transactional
	public RequestView reopen(String username, long id, ReopenDraft draft) {
		this.validation.check(draft);
		return change(username, id, (request, actor, now) -> request.reopen(actor, draft.reason(), now));
	}

	/**
	 * The author changes their request: text, urgency and topics, checked as on posting;
	 * the anonymous flag of the draft is ignored. Someone who may not edit it hears so
	 * before anything about their input, and nothing is stored (not even a new topic)
	 * unless the edit is saved.
	 */
	@Transactional
	public RequestView edit(String username, long id, RequestDraft draft) {
		return change(username, id, (request, actor, now) -> {
			request.refusal(Action.EDIT, actor).ifPresent((refusal) -> {
				throw refusal.toException();
			});
			this.validation.check(draft);
			request.edit(actor, draft.title(), draft.details(), emptyToNull(draft.triedSoFar()),
					draft.urgencyOrDefault(), topicsNamed(draft.topics()), now);
		});
	}

	@Transactional
	public RequestView resolve(String username, long id, Long acceptedOfferId) {
		return change(username, id, (request, actor, now) -> request.resolve(actor, acceptedOfferId, now));
	}

	@Transactional
	public OfferView offer(String username, long id, OfferDraft draft) {
		this.validation.check(draft);
		Offer[] made = new Offer[1];
		RequestView view = change(username, id,
				(request, actor, now) -> made[0] = request.offerHelp(actor, draft.message(), now));
		return view.offers().stream().filter((o) -> o.id().equals(made[0].getId())).findFirst().orElseThrow();
	}

	/** Changes the text of the helper's own offer, until it is accepted. */
	@Transactional
	public OfferView editOffer(String username, long id, long offerId, OfferDraft draft) {
		this.validation.check(draft);
		Offer[] edited = new Offer[1];
		RequestView view = change(username, id,
				(request, actor, now) -> edited[0] = request.editOffer(actor, offerId, draft.message(), now));
		return view.offers().stream().filter((o) -> o.id().equals(edited[0].getId())).findFirst().orElseThrow();
	}

	/**
	 * Takes the helper's own offer back, until it is accepted; a request left without
	 * offers is claimed or open again.
	 */
	@Transactional
	public RequestView withdrawOffer(String username, long id, long offerId) {
		return change(username, id, (request, actor, now) -> request.withdrawOffer(actor, offerId, now));
	}

	/**
	 * Runs a transition at an explicit time; {@link RequestSeeding} seeds history with
	 * it. {@code message} is the offer's text, or the reason for reopening.
	 */
	@Transactional
	RequestView act(String username, long id, Action action, Instant at, String message, Long acceptedOfferId) {
		return change(username, id, at, (request, actor, now) -> {
			switch (action) {
				case CLAIM -> request.claim(actor, now);
				case RELEASE -> request.release(actor, now);
				case OFFER -> request.offerHelp(actor, this.validation.check(new OfferDraft(message)).message(), now);
				case RESOLVE -> request.resolve(actor, acceptedOfferId, now);
				case CANCEL -> request.cancel(actor, now);
				case REOPEN -> request.reopen(actor, this.validation.check(new ReopenDraft(message)).reason(), now);
				case EDIT -> throw new IllegalArgumentException("an edit needs a draft: edit(username, id, draft)");
				default -> throw new IllegalArgumentException("no transition for " + action);
			}
		});
	}

	/**
	 * Releases every claim of a person an administrator deactivated
	 * ({@link HelpRequest#releaseForDeparted}), each request flushed and announced
	 * ({@link RequestChanged}) so that the statistics follow. A plain
	 * {@link EventListener}: it runs in the deactivation's transaction, so the
	 * deactivation and the releases commit together or not at all (a request changed by
	 * someone else at the same moment fails both, and the administrator tries again).
	 */
	@EventListener
	@Transactional
	void on(PersonDeactivated event) {
		Person departed = this.people.byUsername(event.username());
		Person actor = this.people.byUsername(event.by());
		Instant now = this.clock.instant();
		Specification<HelpRequest> claimed = (root, query, cb) -> cb.and(cb.equal(root.get("claimedBy"), departed),
				root.get("status").in(RequestStatus.CLAIMED, RequestStatus.ANSWERED));
		for (HelpRequest request : this.requests.findAll(claimed, Sort.by("id"))) {
			int history = request.getEvents().size();
			if (request.releaseForDeparted(departed, actor, now)) {
				try {
					this.requests.flush();
				}
				catch (ObjectOptimisticLockingFailureException ex) {
					throw new ConflictException(RequestMessages.CONCURRENT_CHANGE.with());
				}
				this.events.publishEvent(new RequestChanged(request.getId()));
				announce(request, history, request.getOffers().size());
			}
		}
	}

	private RequestView change(String username, long id, Transition transition) {
		return change(username, id, this.clock.instant(), transition);
	}

	private RequestView change(String username, long id, Instant now, Transition transition) {
		Person actor = this.people.byUsername(username);
		HelpRequest request = this.requests.findWithPeople(id)
			.orElseThrow(() -> new NotFoundException(RequestMessages.NOT_FOUND.with(id)));
		RequestStatus before = request.getStatus();
		int offersBefore = request.getOffers().size();
		int history = request.getEvents().size();
		transition.apply(request, actor, now);
		try {
			this.requests.flush();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException(RequestMessages.CONCURRENT_CHANGE.with());
		}
		this.events.publishEvent(new RequestChanged(request.getId()));
		announce(request, history, offersBefore);
		count(before, request, offersBefore);
		return RequestViews.toView(request, actor);
	}

	/**
	 * Publishes a {@link RequestActivity} for each history line added since the request
	 * had {@code historyBefore} lines (flushed, so each has its id), and for each offer
	 * added since it had {@code offersBefore} offers: the first offer moves the request
	 * to answered and has its line, a later one has none.
	 */
	private void announce(HelpRequest request, int historyBefore, int offersBefore) {
		List<RequestEvent> history = request.getEvents();
		List<Offer> offers = request.getOffers();
		List<Offer> newOffers = (offers.size() > offersBefore) ? offers.subList(offersBefore, offers.size())
				: List.of();
		if (history.size() <= historyBefore && newOffers.isEmpty()) {
			return;
		}
		Set<String> helpers = RequestViews.helpers(request)
			.stream()
			.map(PersonRef::username)
			.collect(Collectors.toUnmodifiableSet());
		Set<String> topicNames = request.getTopics()
			.stream()
			.map(Topic::getName)
			.collect(Collectors.toUnmodifiableSet());
		String accepted = offers.stream()
			.filter(Offer::isAccepted)
			.map((o) -> o.getHelper().getUsername())
			.findFirst()
			.orElse(null);
		for (RequestEvent line : history.subList(Math.min(historyBefore, history.size()), history.size())) {
			if (line.getKind() == EventKind.OFFERED) {
				continue;
			}
			this.events.publishEvent(new RequestActivity(request.getId(), "history:" + line.getId(), line.getKind(),
					line.getReason(), line.getActor().getUsername(), line.getOccurredAt(), request.getTitle(),
					request.getAuthor().getUsername(), request.isAnonymous(), helpers,
					(line.getKind() == EventKind.RESOLVED) ? accepted : null, topicNames, excerpt(line.getNote())));
		}
		for (Offer offer : newOffers) {
			this.events.publishEvent(new RequestActivity(request.getId(), "offer:" + offer.getId(), EventKind.OFFERED,
					null, offer.getHelper().getUsername(), offer.getCreatedAt(), request.getTitle(),
					request.getAuthor().getUsername(), request.isAnonymous(), helpers, null, topicNames,
					excerpt(offer.getMessage())));
		}
	}

	private static String excerpt(String text) {
		if (text == null || text.length() <= RequestActivity.DETAIL_LENGTH) {
			return text;
		}
		int end = RequestActivity.DETAIL_LENGTH - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "\u2026";
	}

	private void count(RequestStatus before, HelpRequest after, int offersBefore) {
		if (after.getOffers().size() > offersBefore) {
			this.metrics.offered();
		}
		if (before != after.getStatus()) {
			switch (after.getStatus()) {
				case CLAIMED -> this.metrics.claimed();
				case RESOLVED -> this.metrics.resolved();
				default -> {
				}
			}
		}
	}

	@FunctionalInterface
	private interface Transition {

		void apply(HelpRequest request, Person actor, Instant now);

	}

	private Set<Topic> topicsNamed(Collection<String> raw) {
		Set<String> names = normalizeTopics(raw);
		if (names.isEmpty()) {
			return Set.of();
		}
		List<Topic> existing = this.topics.findByNameIn(names);
		if (existing.size() < names.size()) {
			Set<String> found = existing.stream().map(Topic::getName).collect(Collectors.toSet());
			names.stream().filter((name) -> !found.contains(name)).sorted().forEach(this.topics::insertIfAbsent);
			existing = this.topics.findByNameIn(names);
		}
		return new HashSet<>(existing);
	}

	static Set<String> normalizeTopics(Collection<String> raw) {
		Set<String> names = new LinkedHashSet<>();
		for (String name : raw) {
			if (name != null && !name.isBlank()) {
				names.add(Labels.normalize(name));
			}
		}
		return names;
	}

	private static String emptyToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
