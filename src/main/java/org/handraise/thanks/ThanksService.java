package org.handraise.thanks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.handraise.people.PeopleService;
import org.handraise.people.Person;
import org.handraise.people.PersonRef;
import org.handraise.requests.RequestHeadline;
import org.handraise.requests.RequestNote;
import org.handraise.requests.RequestThanks;
import org.handraise.requests.RequestParticipants;
import org.handraise.requests.RequestQueries;
import org.handraise.requests.RequestViews;
import org.handraise.shared.ForbiddenException;
import org.handraise.shared.HelpMetrics;
import org.handraise.shared.InvalidInputException;
import org.handraise.shared.NotFoundException;
import org.handraise.shared.Validation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Thank-you notes: sending them, the public wall, and what each person may read.
 */
@Service
@Transactional(readOnly = true)
public class ThanksService implements RequestThanks {

	private static final Sort NEWEST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final ThankYouNotes notes;

	private final PeopleService people;

	private final RequestQueries requests;

	private final Validation validation;

	private final HelpMetrics metrics;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ThanksService(ThankYouNotes notes, PeopleService people, RequestQueries requests, Validation validation,
			HelpMetrics metrics, Clock clock, ApplicationEventPublisher events) {
		this.metrics = metrics;
		this.events = events;
		this.notes = notes;
		this.people = people;
		this.requests = requests;
		this.validation = validation;
		this.clock = clock;
	}

	@Transactional
	public ThanksView send(String username, ThanksDraft draft) {
		return send(username, draft, this.clock.instant());
	}

	/** Sends with an explicit time; for seeding history. */
	@Transactional
	public ThanksView send(String username, ThanksDraft draft, Instant at) {
		this.validation.check(draft);
		Person from = this.people.byUsername(username);
		if (draft.to().equals(username)) {
			throw InvalidInputException.of("to", ThanksMessages.THANK_YOURSELF.with());
		}
		Person to;
		try {
			to = this.people.byUsername(draft.to());
		}
		catch (NotFoundException ex) {
			throw InvalidInputException.of("to", ThanksMessages.NOBODY_CALLED.with(draft.to()));
		}
		if (!to.isActive()) {
			throw InvalidInputException.of("to", ThanksMessages.NOT_ACTIVE.with(to.getDisplayName()));
		}
		RequestParticipants participants = null;
		if (draft.requestId() != null) {
			participants = this.requests.participants(draft.requestId());
			if (!participants.author().equals(username)) {
				throw new ForbiddenException(ThanksMessages.NOT_THE_AUTHOR.with());
			}
			if (!participants.helpers().contains(draft.to())) {
				throw InvalidInputException.of("to", ThanksMessages.NOT_A_HELPER.with(to.getDisplayName()));
			}
		}
		ThankYouNote note = this.notes
			.saveAndFlush(new ThankYouNote(from, to, draft.requestId(), draft.message(), draft.publicNote(), at));
		this.events.publishEvent(new ThanksSent(note.getId(), username, draft.to(), draft.requestId(),
				(participants != null) ? participants.title() : null, participants != null && participants.anonymous(),
				note.getMessage(), note.getCreatedAt()));
		this.metrics.thanked();
		return toViews(List.of(note), username).get(0);
	}

	public Page<ThanksView> wall(String username, int page, int size) {
		Person viewer = this.people.byUsername(username);
		Page<ThankYouNote> found = this.notes.findPublic(PageRequest.of(Math.max(page, 0), clamp(size), NEWEST));
		return new PageImpl<>(toViews(found.getContent(), viewer.getUsername()), found.getPageable(),
				found.getTotalElements());
	}

	public Page<ThanksView> visibleTo(String username, int page, int size) {
		Person viewer = this.people.byUsername(username);
		Page<ThankYouNote> found = this.notes.findVisibleTo(viewer.getId(),
				PageRequest.of(Math.max(page, 0), clamp(size), NEWEST));
		return new PageImpl<>(toViews(found.getContent(), username), found.getPageable(), found.getTotalElements());
	}

	/** One note, if the viewer may read it: public, or sent or received by them. */
	public ThanksView note(String username, long id) {
		Person viewer = this.people.byUsername(username);
		ThankYouNote note = this.notes.findById(id)
			.filter((n) -> n.isPublicNote() || n.getFrom().getId().equals(viewer.getId())
					|| n.getTo().getId().equals(viewer.getId()))
			.orElseThrow(() -> new NotFoundException(ThanksMessages.NOT_FOUND.with(id)));
		return toViews(List.of(note), username).get(0);
	}

	/**
	 * The notes the person received after {@code since}, newest first, at most
	 * {@code limit}: for the home page. The sender of a note for an anonymous request
	 * stays hidden, as everywhere.
	 */
	public List<ThanksView> receivedSince(String username, Instant since, int limit) {
		return receivedSince(username, since, limit, this.requests::headlines);
	}

	/**
	 * As {@link #receivedSince(String, Instant, int)}, with the notes' request headlines
	 * from {@code headlines}: called once, also when no note is about a request, so that
	 * a caller can read them together with its own reads.
	 */
	public List<ThanksView> receivedSince(String username, Instant since, int limit,
			Function<Set<Long>, Map<Long, RequestHeadline>> headlines) {
		return toViews(this.notes.findReceivedSince(username, since, Limit.of(limit)), username, headlines);
	}

	@Override
	public List<RequestNote> notes(String username, long requestId) {
		RequestParticipants participants = this.requests.participants(requestId);
		if (!participants.author().equals(username) && !participants.helpers().contains(username)) {
			return List.of();
		}
		Person viewer = this.people.byUsername(username);
		return this.notes.findAboutRequest(requestId, viewer.getId()).stream().map((note) -> {
			boolean mine = note.getFrom().getId().equals(viewer.getId());
			boolean hideSender = RequestViews.hidesAuthor(participants.anonymous(), mine);
			return new RequestNote(note.getId(), hideSender ? null : PersonRef.of(note.getFrom()),
					PersonRef.of(note.getTo()), note.getMessage(), note.isPublicNote(), note.getCreatedAt(), mine);
		}).toList();
	}

	@Override
	@Transactional
	public RequestNote send(String username, long requestId, String to, String message, boolean publicNote) {
		ThanksView sent = send(username, new ThanksDraft(to, message, requestId, publicNote));
		return new RequestNote(sent.id(), new PersonRef(sent.from(), sent.fromDisplayName()),
				new PersonRef(sent.to(), sent.toDisplayName()), sent.message(), sent.publicNote(), sent.createdAt(),
				true);
	}

	private List<ThanksView> toViews(List<ThankYouNote> found, String viewer) {
		return toViews(found, viewer, this.requests::headlines);
	}

	private List<ThanksView> toViews(List<ThankYouNote> found, String viewer,
			Function<Set<Long>, Map<Long, RequestHeadline>> lookUp) {
		Map<Long, RequestHeadline> headlines = lookUp
			.apply(found.stream().map(ThankYouNote::getRequestId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return found.stream().map((note) -> {
			RequestHeadline headline = (note.getRequestId() != null) ? headlines.get(note.getRequestId()) : null;
			boolean mine = note.getFrom().getUsername().equals(viewer);
			boolean hideSender = headline != null && RequestViews.hidesAuthor(headline.anonymous(), mine);
			return new ThanksView(note.getId(), hideSender ? null : note.getFrom().getUsername(),
					hideSender ? null : note.getFrom().getDisplayName(), note.getTo().getUsername(),
					note.getTo().getDisplayName(), note.getMessage(), (headline != null) ? headline.id() : null,
					(headline != null) ? headline.title() : null, note.isPublicNote(), note.getCreatedAt(), mine);
		}).toList();
	}

	private static int clamp(int size) {
		return Math.min(Math.max(size, 1), 100);
	}

}
