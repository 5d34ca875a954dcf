package org.handraise.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.handraise.people.PeopleService;
import org.handraise.people.Person;
import org.handraise.people.PersonRef;
import org.handraise.people.Role;
import org.handraise.shared.CountedPage;
import org.handraise.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of requests: the lists, a request's detail, the home page, the mentor
 * queue and its suggestions, and what other features need to mention a request. Each
 * request is shown as the viewer may see it ({@link RequestViews}).
 */
@Service
@Transactional(readOnly = true)
public class RequestQueries {

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

	private final HomeNews homeNews;

	private final int countAhead;

	RequestQueries(HelpRequests requests, Topics topics, PeopleService people, HomeNews homeNews,
			@Value("${handraise.lists.count-ahead:" + COUNT_AHEAD + "}") int countAhead) {
		this.homeNews = homeNews;
		this.countAhead = countAhead;
		this.requests = requests;
		this.topics = topics;
		this.people = people;
	}

	/**
	 * The words that would tell who {@code username} is, for the coach to look for in an
	 * anonymous draft ({@link RequestCoach#review(RequestDraft, java.util.Collection)}):
	 * their name and its parts, username and team.
	 */
	public List<String> identifyingWords(String username) {
		Person author = this.people.byUsername(username);
		List<String> words = new ArrayList<>(List.of(author.getDisplayName().split("\\s+")));
		words.add(author.getDisplayName());
		words.add(author.getUsername());
		if (author.getTeam() != null) {
			words.add(author.getTeam().getName());
		}
		return words;
	}

	public RequestView view(String username, long id) {
		return RequestViews.toView(load(id), this.people.byUsername(username));
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
		return RequestViews.toView(request, actor);
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
		List<RequestSummary> content = RequestViews.summaries(this.requests.page(spec, offset, pageable.getPageSize()),
				viewer, skills);
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
		return new HomeView(news.news(), RequestViews.summaries(open, me, Set.of()),
				RequestViews.summaries(held, me, Set.of()),
				RequestViews.summaries(suggested, me, mentor ? me.getSkills() : Set.of()), news.headlines());
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
		return RequestViews.summaries(first(held(me), RECENT, 10), me, Set.of());
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

	public List<String> topicNames() {
		return this.topics.findAllNames();
	}

	public RequestParticipants participants(long id) {
		HelpRequest request = load(id);
		Set<String> helpers = RequestViews.helpers(request)
			.stream()
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

	private HelpRequest load(long id) {
		return this.requests.findWithPeople(id)
			.orElseThrow(() -> new NotFoundException(RequestMessages.NOT_FOUND.with(id)));
	}

	private static Pageable pageable(int page, int size) {
		return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
	}

}
