package org.handraise.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.handraise.people.Person;
import org.handraise.people.Role;
import org.handraise.shared.InvalidInputException;
import org.handraise.shared.Message;
import org.handraise.shared.NotFoundException;

/**
 * A request for help, the aggregate that guards its own lifecycle:
 *
 * <pre>
 * OPEN -> CLAIMED          a mentor claims (not their own request)
 * CLAIMED -> OPEN          the claimer releases (while ANSWERED, releasing keeps the status)
 * OPEN|CLAIMED -> ANSWERED the first offer, by anyone but the author
 * ANSWERED -> CLAIMED|OPEN its last offer is withdrawn (CLAIMED while someone holds the claim)
 * OPEN|CLAIMED|ANSWERED -> RESOLVED   the author, optionally accepting one offer
 * OPEN|CLAIMED|ANSWERED -> CANCELLED  the author
 * RESOLVED -> OPEN         the author reopens, giving a reason; the claim is cleared
 * OPEN|CLAIMED|ANSWERED    the author edits the text, topics and urgency; the status stays
 * CLAIMED -> OPEN, ANSWERED -> ANSWERED   the claimer was deactivated: the claim is released for them
 * </pre>
 *
 * A helper may change or withdraw their own offer until it is accepted, while the request
 * is not closed. Every change of status, every release, every withdrawn offer and every
 * edit appends a {@link RequestEvent}. The rules live in {@link #refusal(Action, Person)}
 * and {@link #offerRefusal(Offer, Person)}, which both the changes and what a page offers
 * ({@link #actionsFor(Person)}, {@link #mayChange(Offer, Person)}) use, so the two can
 * never disagree.
 */
@Entity
@Table(name = "help_requests")
public class HelpRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 120)
	private String title;

	@Column(nullable = false, length = 5000)
	private String details;

	@Column(name = "tried_so_far", length = 2000)
	private String triedSoFar;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 10)
	private Urgency urgency;

	@Column(nullable = false)
	private boolean anonymous;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 12)
	private RequestStatus status;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "author_id", nullable = false, updatable = false)
	private Person author;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "claimed_by_id")
	private Person claimedBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "claimed_at")
	private Instant claimedAt;

	@Column(name = "first_response_at")
	private Instant firstResponseAt;

	@Column(name = "resolved_at")
	private Instant resolvedAt;

	@Column(name = "cancelled_at")
	private Instant cancelledAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@ManyToMany(fetch = FetchType.LAZY)
	@JoinTable(name = "request_topics", joinColumns = @JoinColumn(name = "request_id"),
			inverseJoinColumns = @JoinColumn(name = "topic_id"))
	private Set<Topic> topics = new LinkedHashSet<>();

	@OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("createdAt asc, id asc")
	private List<Offer> offers = new ArrayList<>();

	@OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("occurredAt asc, id asc")
	private List<RequestEvent> events = new ArrayList<>();

	/**
	 * How many offers the request has, counted by the query that loads it (an index-only
	 * count), so that a list shows it without loading the offers. As loaded:
	 * {@link #getOffers()} is the live collection.
	 */
	@Formula("(select count(*) from offers o where o.request_id = id)")
	private int offerCount;

	@Version
	private long version;

	protected HelpRequest() {
	}

	private HelpRequest(Person author, String title, String details, String triedSoFar, Urgency urgency,
			boolean anonymous, Collection<Topic> topics, Instant now) {
		this.author = Objects.requireNonNull(author);
		this.title = title;
		this.details = details;
		this.triedSoFar = triedSoFar;
		this.urgency = (urgency != null) ? urgency : Urgency.NORMAL;
		this.anonymous = anonymous;
		this.topics.addAll(topics);
		this.createdAt = now;
		this.updatedAt = now;
		this.status = RequestStatus.OPEN;
		this.events.add(new RequestEvent(this, author, EventKind.POSTED, null, RequestStatus.OPEN, null, now));
	}

	static HelpRequest post(Person author, String title, String details, String triedSoFar, Urgency urgency,
			boolean anonymous, Collection<Topic> topics, Instant now) {
		return new HelpRequest(author, title, details, triedSoFar, urgency, anonymous, topics, now);
	}

	// the rules

	/**
	 * Why {@code actor} may not take {@code action} now, or empty when they may.
	 */
	Optional<Refusal> refusal(Action action, Person actor) {
		boolean isAuthor = isAuthor(actor);
		return Optional.ofNullable(switch (action) {
			case CLAIM -> {
				if (!actor.hasRole(Role.MENTOR)) {
					yield Refusal.forbidden(RequestMessages.CLAIM_NOT_MENTOR.with());
				}
				if (isAuthor) {
					yield Refusal.conflict(RequestMessages.CLAIM_OWN.with());
				}
				if (this.status == RequestStatus.CLAIMED) {
					yield Refusal.conflict(isClaimer(actor) ? RequestMessages.CLAIM_ALREADY_YOURS.with()
							: RequestMessages.CLAIM_CLAIMED_BY.with(this.claimedBy.getDisplayName()));
				}
				yield (this.status != RequestStatus.OPEN)
						? Refusal.conflict(RequestMessages.CLAIM_NOT_OPEN.with(state())) : null;
			}
			case RELEASE -> {
				if (this.claimedBy != null && !isClaimer(actor)) {
					yield Refusal.forbidden(RequestMessages.RELEASE_NOT_CLAIMER.with());
				}
				// a claimer who answered may still step back while the request is not
				// closed
				boolean held = this.claimedBy != null
						&& (this.status == RequestStatus.CLAIMED || this.status == RequestStatus.ANSWERED);
				yield held ? null : Refusal.conflict(RequestMessages.RELEASE_NOT_CLAIMED.with(state()));
			}
			case OFFER -> {
				if (isAuthor) {
					yield Refusal.conflict(RequestMessages.OFFER_OWN.with());
				}
				yield this.status.isClosed() ? Refusal.conflict(RequestMessages.OFFER_CLOSED.with(state())) : null;
			}
			case RESOLVE -> {
				if (!isAuthor) {
					yield Refusal.forbidden(RequestMessages.RESOLVE_NOT_AUTHOR.with());
				}
				yield this.status.isClosed() ? Refusal.conflict(RequestMessages.ALREADY_CLOSED.with(state())) : null;
			}
			case CANCEL -> {
				if (!isAuthor) {
					yield Refusal.forbidden(RequestMessages.CANCEL_NOT_AUTHOR.with());
				}
				yield this.status.isClosed() ? Refusal.conflict(RequestMessages.ALREADY_CLOSED.with(state())) : null;
			}
			case REOPEN -> {
				if (!isAuthor) {
					yield Refusal.forbidden(RequestMessages.REOPEN_NOT_AUTHOR.with());
				}
				// an answered request is still open: only a resolved one can be reopened
				yield (this.status == RequestStatus.RESOLVED) ? null
						: Refusal.conflict(RequestMessages.REOPEN_NOT_RESOLVED.with(state()));
			}
			case EDIT -> {
				if (!isAuthor) {
					yield Refusal.forbidden(RequestMessages.EDIT_NOT_AUTHOR.with());
				}
				yield this.status.isClosed() ? Refusal.conflict(RequestMessages.ALREADY_CLOSED.with(state())) : null;
			}
		});
	}

	/**
	 * Why {@code actor} may not change or withdraw {@code offer} now, or empty when they
	 * may: only its helper, until it is accepted, while the request is not closed.
	 */
	Optional<Refusal> offerRefusal(Offer offer, Person actor) {
		if (!offer.isBy(actor)) {
			return Optional.of(Refusal.forbidden(RequestMessages.OFFER_NOT_YOURS.with()));
		}
		if (offer.isAccepted()) {
			return Optional.of(Refusal.conflict(RequestMessages.OFFER_ACCEPTED.with()));
		}
		return this.status.isClosed() ? Optional.of(Refusal.conflict(RequestMessages.OFFER_CHANGE_CLOSED.with(state())))
				: Optional.empty();
	}

	/** Whether {@code viewer} may change or withdraw {@code offer} now. */
	boolean mayChange(Offer offer, Person viewer) {
		return offerRefusal(offer, viewer).isEmpty();
	}

	/**
	 * Exactly the actions {@code viewer} may take now, the likely one first: a request
	 * without offers is more often cancelled or edited (as the coach or a comment
	 * suggests) than resolved by its author, one with offers is resolved.
	 */
	Set<Action> actionsFor(Person viewer) {
		List<Action> order = this.offers.isEmpty()
				? List.of(Action.CLAIM, Action.RELEASE, Action.CANCEL, Action.EDIT, Action.RESOLVE, Action.REOPEN,
						Action.OFFER)
				: List.of(Action.CLAIM, Action.RELEASE, Action.RESOLVE, Action.CANCEL, Action.EDIT, Action.REOPEN,
						Action.OFFER);
		Set<Action> actions = new LinkedHashSet<>();
		for (Action action : order) {
			if (refusal(action, viewer).isEmpty()) {
				actions.add(action);
			}
		}
		return actions;
	}

	/** What happens next on the request, as {@code viewer} should hear it. */
	NextStep nextStepFor(Person viewer) {
		if (isAuthor(viewer)) {
			return switch (this.status) {
				case OPEN -> NextStep.WAITING;
				case CLAIMED -> NextStep.WAITING_CLAIMED;
				case ANSWERED -> NextStep.CHOOSE_OFFER;
				case RESOLVED -> NextStep.YOU_RESOLVED;
				case CANCELLED -> NextStep.YOU_CANCELLED;
			};
		}
		if (this.status == RequestStatus.RESOLVED) {
			return NextStep.RESOLVED;
		}
		if (this.status == RequestStatus.CANCELLED) {
			return NextStep.CANCELLED;
		}
		if (this.offers.stream().anyMatch((o) -> o.isBy(viewer))) {
			return NextStep.YOU_OFFERED;
		}
		if (isClaimer(viewer)) {
			return NextStep.YOU_CLAIMED;
		}
		return refusal(Action.CLAIM, viewer).isEmpty() ? NextStep.CLAIM_OR_OFFER : NextStep.OFFER;
	}

	private void guard(Action action, Person actor) {
		Optional<Refusal> refusal = refusal(action, actor);
		if (refusal.isPresent()) {
			throw refusal.get().toException();
		}
	}

	// the transitions

	void claim(Person mentor, Instant now) {
		guard(Action.CLAIM, mentor);
		this.claimedBy = mentor;
		this.claimedAt = now;
		moveTo(EventKind.CLAIMED, RequestStatus.CLAIMED, mentor, null, now);
	}

	void release(Person actor, Instant now) {
		guard(Action.RELEASE, actor);
		this.claimedBy = null;
		this.claimedAt = null;
		// an answered request stays answered: its offers are still there
		moveTo(EventKind.RELEASED, (this.status == RequestStatus.CLAIMED) ? RequestStatus.OPEN : this.status, actor,
				null, now);
	}

	/**
	 * The person who holds the claim left (an administrator deactivated them): the claim
	 * is released, recorded as {@link EventReason#HELPER_LEFT} with the administrator as
	 * the actor. A claimed request goes back to the queue ({@code OPEN}, as a release
	 * does); an answered one stays answered, its offers untouched, and no longer shows
	 * the claim. Nothing happens to a request the person does not hold, nor to a closed
	 * one.
	 * @return whether a claim was released
	 */
	boolean releaseForDeparted(Person departed, Person actor, Instant now) {
		if (!isClaimer(departed) || this.status.isClosed()) {
			return false;
		}
		RequestStatus next = (this.status == RequestStatus.CLAIMED) ? RequestStatus.OPEN : this.status;
		this.claimedBy = null;
		this.claimedAt = null;
		this.events.add(new RequestEvent(this, actor, EventKind.RELEASED, this.status, next, null, now,
				EventReason.HELPER_LEFT));
		this.status = next;
		this.updatedAt = now;
		return true;
	}

	Offer offerHelp(Person helper, String message, Instant now) {
		guard(Action.OFFER, helper);
		Offer offer = new Offer(this, helper, message, now);
		this.offers.add(offer);
		if (this.firstResponseAt == null) {
			this.firstResponseAt = now;
		}
		if (this.status == RequestStatus.OPEN || this.status == RequestStatus.CLAIMED) {
			moveTo(EventKind.OFFERED, RequestStatus.ANSWERED, helper, null, now);
		}
		else {
			this.updatedAt = now;
		}
		return offer;
	}

	Offer editOffer(Person helper, long offerId, String message, Instant now) {
		Offer offer = offer(offerId);
		guardOffer(offer, helper);
		offer.edit(message, now);
		this.updatedAt = now;
		return offer;
	}

	/**
	 * Takes an offer back. The first response is then the earliest offer left (none: no
	 * response yet), and a request left without offers is no longer answered: it is
	 * claimed again if someone holds the claim, open otherwise.
	 */
	void withdrawOffer(Person helper, long offerId, Instant now) {
		Offer offer = offer(offerId);
		guardOffer(offer, helper);
		this.offers.remove(offer);
		this.firstResponseAt = this.offers.stream().map(Offer::getCreatedAt).min(Instant::compareTo).orElse(null);
		RequestStatus next = this.status;
		if (this.offers.isEmpty() && this.status == RequestStatus.ANSWERED) {
			next = (this.claimedBy != null) ? RequestStatus.CLAIMED : RequestStatus.OPEN;
		}
		moveTo(EventKind.OFFER_WITHDRAWN, next, helper, null, now);
	}

	private Offer offer(long offerId) {
		return this.offers.stream()
			.filter((o) -> o.getId() != null && o.getId() == offerId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(RequestMessages.OFFER_NOT_FOUND.with(offerId, this.id)));
	}

	private void guardOffer(Offer offer, Person actor) {
		Optional<Refusal> refusal = offerRefusal(offer, actor);
		if (refusal.isPresent()) {
			throw refusal.get().toException();
		}
	}

	void resolve(Person actor, Long acceptedOfferId, Instant now) {
		guard(Action.RESOLVE, actor);
		Offer accepted = null;
		if (acceptedOfferId != null) {
			accepted = this.offers.stream()
				.filter((o) -> acceptedOfferId.equals(o.getId()))
				.findFirst()
				.orElseThrow(() -> InvalidInputException.of("acceptedOfferId", RequestMessages.NOT_AN_OFFER.with()));
		}
		this.offers.forEach(Offer::unaccept);
		if (accepted != null) {
			accepted.accept();
		}
		this.resolvedAt = now;
		moveTo(EventKind.RESOLVED, RequestStatus.RESOLVED, actor, null, now);
	}

	void cancel(Person actor, Instant now) {
		guard(Action.CANCEL, actor);
		this.cancelledAt = now;
		moveTo(EventKind.CANCELLED, RequestStatus.CANCELLED, actor, null, now);
	}

	/**
	 * Reopens a resolved request; {@code reason} (checked by the service) goes into the
	 * history.
	 */
	void reopen(Person actor, String reason, Instant now) {
		guard(Action.REOPEN, actor);
		this.claimedBy = null;
		this.claimedAt = null;
		this.resolvedAt = null;
		this.offers.forEach(Offer::unaccept);
		moveTo(EventKind.REOPENED, RequestStatus.OPEN, actor, reason, now);
	}

	/**
	 * The author changes what they asked: text, urgency and topics (replaced), not the
	 * anonymous flag nor the status. The input is checked by the service; the change goes
	 * into the history as {@link EventKind#EDITED}.
	 */
	void edit(Person actor, String title, String details, String triedSoFar, Urgency urgency, Collection<Topic> topics,
			Instant now) {
		guard(Action.EDIT, actor);
		this.title = title;
		this.details = details;
		this.triedSoFar = triedSoFar;
		this.urgency = (urgency != null) ? urgency : Urgency.NORMAL;
		this.topics.clear();
		this.topics.addAll(topics);
		moveTo(EventKind.EDITED, this.status, actor, null, now);
	}

	private void moveTo(EventKind kind, RequestStatus next, Person actor, String note, Instant now) {
		this.events.add(new RequestEvent(this, actor, kind, this.status, next, note, now));
		this.status = next;
		this.updatedAt = now;
	}

	/** The current status as a word inside a refusal ("this one is resolved"). */
	private Message state() {
		return RequestMessages.state(this.status);
	}

	// reading

	boolean isAuthor(Person person) {
		return person != null && Objects.equals(this.author.getId(), person.getId());
	}

	boolean isClaimer(Person person) {
		return person != null && this.claimedBy != null && Objects.equals(this.claimedBy.getId(), person.getId());
	}

	public Long getId() {
		return this.id;
	}

	String getTitle() {
		return this.title;
	}

	String getDetails() {
		return this.details;
	}

	String getTriedSoFar() {
		return this.triedSoFar;
	}

	Urgency getUrgency() {
		return this.urgency;
	}

	boolean isAnonymous() {
		return this.anonymous;
	}

	RequestStatus getStatus() {
		return this.status;
	}

	Person getAuthor() {
		return this.author;
	}

	Person getClaimedBy() {
		return this.claimedBy;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getClaimedAt() {
		return this.claimedAt;
	}

	Instant getFirstResponseAt() {
		return this.firstResponseAt;
	}

	Instant getResolvedAt() {
		return this.resolvedAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	Set<Topic> getTopics() {
		return Collections.unmodifiableSet(this.topics);
	}

	int getOfferCount() {
		return this.offerCount;
	}

	List<Offer> getOffers() {
		return Collections.unmodifiableList(this.offers);
	}

	List<RequestEvent> getEvents() {
		return Collections.unmodifiableList(this.events);
	}

}
