package org.handraise.requests;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.handraise.people.Person;

/**
 * One line of a request's history: who did what ({@link EventKind}), moving it from what
 * status to what, when, the note they gave, if any, and (rarely) why it happened without
 * them ({@link EventReason}). Written by the aggregate in the same transaction as the
 * change; statistics are computed from these rows.
 */
@Entity
@Table(name = "request_events")
class RequestEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "request_id", nullable = false, updatable = false)
	private HelpRequest request;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "actor_id", nullable = false, updatable = false)
	private Person actor;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "from_status", length = 12, updatable = false)
	private RequestStatus fromStatus;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "to_status", nullable = false, length = 12, updatable = false)
	private RequestStatus toStatus;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 16, updatable = false)
	private EventKind kind;

	@Column(length = 500, updatable = false)
	private String note;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(length = 20, updatable = false)
	private EventReason reason;

	protected RequestEvent() {
	}

	RequestEvent(HelpRequest request, Person actor, EventKind kind, RequestStatus fromStatus, RequestStatus toStatus,
			String note, Instant occurredAt) {
		this(request, actor, kind, fromStatus, toStatus, note, occurredAt, null);
	}

	RequestEvent(HelpRequest request, Person actor, EventKind kind, RequestStatus fromStatus, RequestStatus toStatus,
			String note, Instant occurredAt, EventReason reason) {
		this.request = request;
		this.actor = actor;
		this.kind = kind;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.note = note;
		this.occurredAt = occurredAt;
		this.reason = reason;
	}

	Long getId() {
		return this.id;
	}

	Person getActor() {
		return this.actor;
	}

	RequestStatus getFromStatus() {
		return this.fromStatus;
	}

	RequestStatus getToStatus() {
		return this.toStatus;
	}

	EventKind getKind() {
		return this.kind;
	}

	String getNote() {
		return this.note;
	}

	Instant getOccurredAt() {
		return this.occurredAt;
	}

	/**
	 * Why it happened, where it was not the actor's own choice; null for an ordinary
	 * transition.
	 */
	EventReason getReason() {
		return this.reason;
	}

}
