package org.handraise.requests;

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
 * Help offered on a request, by a mentor or a peer. Part of the {@link HelpRequest}
 * aggregate.
 */
@Entity
@Table(name = "offers")
class Offer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "request_id", nullable = false, updatable = false)
	private HelpRequest request;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "helper_id", nullable = false, updatable = false)
	private Person helper;

	@Column(nullable = false, length = 2000)
	private String message;

	@Column(nullable = false)
	private boolean accepted;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "edited_at")
	private Instant editedAt;

	protected Offer() {
	}

	Offer(HelpRequest request, Person helper, String message, Instant createdAt) {
		this.request = request;
		this.helper = helper;
		this.message = message;
		this.createdAt = createdAt;
	}

	Long getId() {
		return this.id;
	}

	HelpRequest getRequest() {
		return this.request;
	}

	Person getHelper() {
		return this.helper;
	}

	String getMessage() {
		return this.message;
	}

	boolean isAccepted() {
		return this.accepted;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getEditedAt() {
		return this.editedAt;
	}

	boolean isBy(Person person) {
		return person != null && this.helper.getId().equals(person.getId());
	}

	void edit(String message, Instant now) {
		this.message = message;
		this.editedAt = now;
	}

	void accept() {
		this.accepted = true;
	}

	void unaccept() {
		this.accepted = false;
	}

}
