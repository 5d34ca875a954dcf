package org.handraise.requests;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.jpa.domain.Specification;

/**
 * {@link CappedSearch} with the Criteria API: the same specification as the rest of the
 * repository, so the page and its count always agree on what matches. The count selects a
 * constant with a row limit ({@code select 1 …
 * fetch first n rows only}), which the database stops reading once it has {@code n}; a
 * specification adds its order only to row queries, so the count is not sorted.
 */
class CappedSearchImpl implements CappedSearch {

	@PersistenceContext
	private EntityManager entityManager;

	@Override
	public List<HelpRequest> page(Specification<HelpRequest> spec, int offset, int limit) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<HelpRequest> query = cb.createQuery(HelpRequest.class);
		Root<HelpRequest> root = matching(spec, query, cb);
		// the people every summary shows, in the same query
		root.fetch("author");
		root.fetch("claimedBy", JoinType.LEFT);
		query.select(root);
		return this.entityManager.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList();
	}

	@Override
	public long countUpTo(Specification<HelpRequest> spec, int cap) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> query = cb.createQuery(Long.class);
		matching(spec, query, cb);
		query.select(cb.literal(1L));
		return this.entityManager.createQuery(query).setMaxResults(cap).getResultList().size();
	}

	/**
	 * The requests of {@code query} narrowed to {@code spec} (which also orders row
	 * queries).
	 */
	private static Root<HelpRequest> matching(Specification<HelpRequest> spec, CriteriaQuery<?> query,
			CriteriaBuilder cb) {
		Root<HelpRequest> root = query.from(HelpRequest.class);
		Predicate where = spec.toPredicate(root, query, cb);
		if (where != null) {
			query.where(where);
		}
		return root;
	}

}
