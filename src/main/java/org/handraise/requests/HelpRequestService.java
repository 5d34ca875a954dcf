package org.handraise.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.handraise.people.PeopleService;
import org.handraise.people.PersonDeactivated;
import org.handraise.people.Person;
import org.handraise.people.PersonRef;
import org.handraise.people.Role;
import org.handraise.shared.CountedPage;
import org.handraise.shared.ConflictException;
import org.handraise.shared.HelpMetrics;
import org.handraise.shared.Labels;
import org.handraise.shared.NotFoundException;
import org.handraise.shared.Validation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help loop: post, edit, claim, release, offer, resolve, cancel, reopen; and the
 * lists and views of requests. The rules themselves live in {@link HelpRequest}; this
 * service loads, checks input, saves and decides what the viewer may see. Pages and API
 * both call it.
 */
@Service
@Transactional(readOnly = true)
public class HelpRequestService {

	static final int MAX_PAGE_SIZE = 100;

	/** The most items of each kind the home page's "since your last visit" shows. */
	static final int NEWS = 8;

	/**
	 * How far beyond a page's start the lists count matching requests by default ("1,000+
	 * requests" above that); {@code handraise.lists.count-ahead}.
	 */
	static final int COUNT_AHEAD = 1000;

	private static final Sort RECENT = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));

	private final HelpRequests requests;

	private final Topics topics;

	private final PeopleService people;

	private final Validation validation;

	private final HelpMetrics metrics;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final int countAhead;

	private final HomeNews homeNews;

	HelpRequestService(HelpRequests requests, Topics topics, PeopleService people, Validation validation,
			HelpMetrics metrics, Clock clock, ApplicationEventPublisher events, HomeNews homeNews,
			@Value("${handraise.lists.count-ahead:" + COUNT_AHEAD + "}") int countAhead) {
		this.homeNews = homeNews;
		this.countAhead = countAhead;
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

	/**
	 * The words that would tell who {@code username} is, for the coach to look for in an
	 * anonymous draft ({@link RequestCoach#review(RequestDraft, java.util.Collection)}):
	 * their name and its parts, username and team.
	 */
	public List<String> identifyingWords(String username) {
		Person author = this.people.byUsername(username);
		List<String> words = new java.util.ArrayList<>(List.of(author.getDisplayName().split("\\s+")));
		words.add(author.getDisplayName());
		words.add(author.getUsername());
		if (author.getTeam() != null) {
			words.add(author.getTeam().getName());
		}
		return words;
	}

	// changes

	@Transactional
	public RequestView post(String username, RequestDraft draft) {
		return post(username, draft, this.clock.instant());
	}

	/** Posts with an explicit time; for seeding history. */
	@Transactional
	public RequestView post(String username, RequestDraft draft, Instant at) {
		this.validation.check(draft);
		Person author = this.people.byUsername(username);
		HelpRequest request = HelpRequest.post(author, draft.title(), draft.details(), emptyToNull(draft.triedSoFar()),
				draft.urgencyOrDefault(), draft.anonymous(), topicsNamed(draft.topics()), at);
		this.requests.saveAndFlush(request);
		this.events.publishEvent(RequestChanged.posted(request.getId()));
		this.metrics.posted();
		return toView(request, author);
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
	 * The author's request as it stands, to fill in the edit form; refused (403, 409) as
	 * the edit itself would be.
	 */
	public RequestView forEditing(String username, long id) {
		Person actor = this.people.byUsername(username);
		HelpRequest request = load(id);
		request.refusal(Action.EDIT, actor).ifPresent((refusal) -> {
			throw refusal.toException();
		});
		return toView(request, actor);
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
	 * Runs a transition at an explicit time; for seeding history. {@code message} is the
	 * offer's text, or the reason for reopening.
	 */
	@Transactional
	public RequestView act(String username, long id, Action action, Instant at, String message, Long acceptedOfferId) {
		return change(username, id, at, (request, actor, now) -> {
			switch (action) {
				case CLAIM -> request.claim(actor, now);
				case RELEASE -> request.release(actor, now);
				case OFFER -> request.offerHelp(actor, this.validation.check(new OfferDraft(message)).message(), now);
				case RESOLVE -> request.resolve(actor, acceptedOfferId, now);
				case CANCEL -> request.cancel(actor, now);
				case REOPEN -> request.reopen(actor, this.validation.check(new ReopenDraft(message)).reason(), now);
				case EDIT -> throw new IllegalArgumentException("an edit needs a draft: edit(username, id, draft)");
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
			if (request.releaseForDeparted(departed, actor, now)) {
				try {
					this.requests.flush();
				}
				catch (ObjectOptimisticLockingFailureException ex) {
					throw new ConflictException(RequestMessages.CONCURRENT_CHANGE.with());
				}
				this.events.publishEvent(new RequestChanged(request.getId()));
			}
		}
	}

	private RequestView change(String username, long id, Transition transition) {
		return change(username, id, this.clock.instant(), transition);
	}

	private RequestView change(String username, long id, Instant now, Transition transition) {
		Person actor = this.people.byUsername(username);
		HelpRequest request = load(id);
		RequestStatus before = request.getStatus();
		int offersBefore = request.getOffers().size();
		transition.apply(request, actor, now);
		try {
			this.requests.flush();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException(RequestMessages.CONCURRENT_CHANGE.with());
		}
		this.events.publishEvent(new RequestChanged(request.getId()));
		count(before, request, offersBefore);
		return toView(request, actor);
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

	// reading

	public RequestView view(String username, long id) {
		return toView(load(id), this.people.byUsername(username));
	}

	public CountedPage<RequestSummary> search(String username, RequestFilter filter, int page, int size) {
		Person viewer = this.people.byUsername(username);
		Set<String> skills = viewer.hasRole(Role.MENTOR) ? viewer.getSkills() : Set.of();
		return counted(RequestSpecifications.matching(filter, viewer), pageable(page, size), viewer, skills);
	}

	public CountedPage<RequestSummary> mentorQueue(String username, int page, int size) {
		Person mentor = this.people.byUsername(username);
		Set<String> skills = mentor.getSkills();
		return counted(RequestSpecifications.mentorQueue(mentor, skills), pageable(page, size), mentor, skills);
	}

	/**
	 * One page of {@code spec}, and its total counted up to {@code count-ahead} requests
	 * beyond the page's start (at least one beyond the page, so a next page is always
	 * known): exact below that, a lower bound above it. Like Spring Data, a first page
	 * that is not full needs no count.
	 */
	private CountedPage<RequestSummary> counted(Specification<HelpRequest> spec, Pageable pageable, Person viewer,
			Set<String> skills) {
		int offset = (int) pageable.getOffset();
		List<RequestSummary> content = summaries(this.requests.page(spec, offset, pageable.getPageSize()), viewer,
				skills);
		if (offset == 0 && content.size() < pageable.getPageSize()) {
			return new CountedPage<>(content, pageable, content.size(), true);
		}
		long limit = (long) offset + Math.max(this.countAhead, pageable.getPageSize() + 1);
		long counted = this.requests.countUpTo(spec, Math.toIntExact(Math.min(limit + 1, Integer.MAX_VALUE)));
		boolean exact = counted <= limit;
		return new CountedPage<>(content, pageable, exact ? counted : limit, exact);
	}

	public HomeView home(String username) {
		return home(username, null, Set.of());
	}

	/**
	 * The home page's requests for the person; {@code news} holds what happened since
	 * {@code since} to the requests they asked and claimed (none when {@code since} is
	 * null), at most {@value #NEWS} of each kind, and {@code headlines} those of
	 * {@code headlineIds} (read with the news, for the thank-you notes they show).
	 */
	public HomeView home(String username, Instant since, Collection<Long> headlineIds) {
		Person me = this.people.byUsername(username);
		Specification<HelpRequest> mine = (root, query, cb) -> cb.and(cb.equal(root.get("author"), me),
				root.get("status").in(RequestStatus.OPEN, RequestStatus.CLAIMED, RequestStatus.ANSWERED));
		List<HelpRequest> open = first(mine, RECENT, 10);
		List<HelpRequest> held = first(held(me), RECENT, 10);
		boolean mentor = me.hasRole(Role.MENTOR);
		List<HelpRequest> suggested = mentor ? suggestions(me, 5) : List.of();
		HomeNews.Found news = news(me, since, headlineIds);
		// mapped only now that all three lists are loaded: their authors, topics and
		// offers are then fetched together, one batch each, rather than once per list
		return new HomeView(news.news(), summaries(open, me, Set.of()), summaries(held, me, Set.of()),
				summaries(suggested, me, mentor ? me.getSkills() : Set.of()), news.headlines());
	}

	private HomeNews.Found news(Person me, Instant since, Collection<Long> headlineIds) {
		if (since == null) {
			return new HomeNews.Found(List.of(), headlines(headlineIds));
		}
		return this.homeNews.find(me.getId(), since, NEWS, headlineIds);
	}

	/**
	 * The first {@code limit} requests of the mentor's queue, in the queue's order, found
	 * through the queue's index rather than by sorting every open request.
	 */
	private List<HelpRequest> suggestions(Person mentor, int limit) {
		Set<String> skills = mentor.getSkills();
		List<Long> ids = skills.isEmpty() ? this.requests.findOldestUrgentIds(mentor.getId(), limit)
				: this.requests.findSuggestionIds(mentor.getId(), skills, limit);
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, HelpRequest> found = this.requests.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(HelpRequest::getId, Function.identity()));
		return ids.stream().map(found::get).toList();
	}

	/**
	 * The requests the person holds right now (claimed, not yet answered), most recently
	 * active first.
	 */
	public List<RequestSummary> claims(String username) {
		Person me = this.people.byUsername(username);
		return summaries(first(held(me), RECENT, 10), me, Set.of());
	}

	private static Specification<HelpRequest> held(Person me) {
		return (root, query, cb) -> cb.and(cb.equal(root.get("claimedBy"), me),
				cb.equal(root.get("status"), RequestStatus.CLAIMED));
	}

	/**
	 * The first {@code limit} requests, without the count query a {@link Page} would add:
	 * the home page shows no totals.
	 */
	private List<HelpRequest> first(Specification<HelpRequest> spec, Sort sort, int limit) {
		return this.requests.findBy(spec, (query) -> query.sortBy(sort).limit(limit).all());
	}

	private List<RequestSummary> summaries(List<HelpRequest> requests, Person viewer, Set<String> skills) {
		return requests.stream().map((r) -> toSummary(r, viewer, skills)).toList();
	}

	public List<String> topicNames() {
		return this.topics.findAllNames();
	}

	public RequestParticipants participants(long id) {
		HelpRequest request = load(id);
		Set<String> helpers = helpers(request).stream()
			.map(PersonRef::username)
			.collect(Collectors.toUnmodifiableSet());
		return new RequestParticipants(request.getId(), request.getTitle(), request.getAuthor().getUsername(),
				request.isAnonymous(), helpers);
	}

	public Map<Long, RequestHeadline> headlines(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.requests.findHeadlines(Set.copyOf(ids))
			.stream()
			.collect(Collectors.toMap(RequestHeadline::id, Function.identity()));
	}

	// mapping

	private HelpRequest load(long id) {
		return this.requests.findWithPeople(id)
			.orElseThrow(() -> new NotFoundException(RequestMessages.NOT_FOUND.with(id)));
	}

	private RequestView toView(HelpRequest request, Person viewer) {
		boolean mine = request.isAuthor(viewer);
		boolean hideAuthor = request.isAnonymous() && !mine;
		List<EventView> history = request.getEvents().stream().map((e) -> {
			boolean byAuthor = request.isAuthor(e.getActor());
			PersonRef actor = (byAuthor && hideAuthor) ? null : PersonRef.of(e.getActor());
			boolean yours = viewer.getId().equals(e.getActor().getId());
			return new EventView(actor, byAuthor, yours, e.getKind(), e.getFromStatus(), e.getToStatus(), e.getNote(),
					e.getOccurredAt(), e.getReason());
		}).toList();
		return new RequestView(request.getId(), request.getTitle(), request.getDetails(), request.getTriedSoFar(),
				topicNames(request), request.getUrgency(), request.isAnonymous(), request.getStatus(),
				hideAuthor ? null : PersonRef.of(request.getAuthor()), PersonRef.of(request.getClaimedBy()),
				request.getCreatedAt(), request.getClaimedAt(), request.getFirstResponseAt(), request.getResolvedAt(),
				request.getUpdatedAt(), mine, request.actionsFor(viewer), request.nextStepFor(viewer),
				request.getOffers().stream().map((o) -> OfferView.of(o, viewer, request.mayChange(o, viewer))).toList(),
				history, helpers(request));
	}

	/**
	 * Everyone who claimed the request or offered help on it, once each, in order of
	 * their first help.
	 */
	private static List<PersonRef> helpers(HelpRequest request) {
		Map<Long, PersonRef> helpers = new java.util.LinkedHashMap<>();
		request.getEvents()
			.stream()
			.filter((e) -> e.getToStatus() == RequestStatus.CLAIMED)
			.forEach((e) -> helpers.putIfAbsent(e.getActor().getId(), PersonRef.of(e.getActor())));
		request.getOffers().forEach((o) -> helpers.putIfAbsent(o.getHelper().getId(), PersonRef.of(o.getHelper())));
		helpers.remove(request.getAuthor().getId());
		return List.copyOf(helpers.values());
	}

	private RequestSummary toSummary(HelpRequest request, Person viewer, Set<String> skills) {
		boolean mine = request.isAuthor(viewer);
		List<String> names = topicNames(request);
		boolean matches = !skills.isEmpty() && names.stream().anyMatch(skills::contains);
		return new RequestSummary(request.getId(), request.getTitle(), request.getDetails(), request.getTriedSoFar(),
				names, request.getUrgency(), request.isAnonymous(), request.getStatus(),
				(request.isAnonymous() && !mine) ? null : PersonRef.of(request.getAuthor()),
				PersonRef.of(request.getClaimedBy()), request.getCreatedAt(), request.getClaimedAt(),
				request.getFirstResponseAt(), request.getResolvedAt(), request.getUpdatedAt(), request.getOfferCount(),
				mine, matches);
	}

	private static List<String> topicNames(HelpRequest request) {
		return request.getTopics().stream().map(Topic::getName).sorted().toList();
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

	private static Pageable pageable(int page, int size) {
		return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
	}

	private static String emptyToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
