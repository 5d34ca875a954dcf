package org.handraise.requests;

import jakarta.persistence.EntityManager;

import org.handraise.audit.RequestTrail;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of every request ({@link RequestEvent}) for the audit log, its author
 * hidden where {@link RequestViews} hides them.
 */
@Component
@Transactional(readOnly = true)
class RequestAuditTrail implements RequestTrail {

	private static final String TRANSITIONS = """
			select e.id, e.occurred_at, e.actor_id, %s as author_hidden, e.request_id, e.kind, e.from_status,
			  e.to_status, e.reason
			from request_events e join help_requests r on r.id = e.request_id"""
		.formatted(RequestViews.authorHiddenSql("r", "e.actor_id"));

	private final EntityManager entityManager;

	RequestAuditTrail(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public String transitionsQuery() {
		return TRANSITIONS;
	}

	@Override
	public boolean isAnonymousAuthor(long requestId, String username) {
		return this.entityManager
			.createQuery("select r.anonymous from HelpRequest r where r.id = :id and r.author.username = :username",
					Boolean.class)
			.setParameter("id", requestId)
			.setParameter("username", username)
			.getResultList()
			.stream()
			.anyMatch((anonymous) -> RequestViews.hidesAuthor(anonymous, false));
	}

}
