package org.handraise.thanks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.handraise.people.Person;

/**
 * A thank-you from one person to another, public (on the wall) or private, tied to a
 * request (by its id) or not.
 */
@Entity
@Table(name = "thank_you_notes")
class ThankYouNote {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "from_id", nullable = false, updatable = false)
	private Person from;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "to_id", nullable = false, updatable = false)
	private Person to;

	/** The request thanked for, by id: it belongs to the requests module. */
	@Column(name = "request_id", updatable = false)
	private Long requestId;

	@Column(nullable = false, length = 2000, updatable = false)
	private String message;

	@Column(name = "is_public", nullable = false, updatable = false)
	private boolean publicNote;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected ThankYouNote() {
	}

	ThankYouNote(Person from, Person to, Long requestId, String message, boolean publicNote, Instant createdAt) {
		this.from = from;
		this.to = to;
		this.requestId = requestId;
		this.message = message;
		this.publicNote = publicNote;
		this.createdAt = createdAt;
	}

	Long getId() {
		return this.id;
	}

	Person getFrom() {
		return this.from;
	}

	Person getTo() {
		return this.to;
	}

	Long getRequestId() {
		return this.requestId;
	}

	String getMessage() {
		return this.message;
	}

	boolean isPublicNote() {
		return this.publicNote;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
