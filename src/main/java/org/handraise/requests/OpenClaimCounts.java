package org.handraise.requests;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.handraise.people.OpenClaims;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's load from the requests they hold claimed, for the people feature.
 */
@Component
@Transactional(readOnly = true)
class OpenClaimCounts implements OpenClaims {

	private final EntityManager entityManager;

	OpenClaimCounts(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public Map<Long, Long> countByPerson(Collection<Long> personIds) {
		Map<Long, Long> loads = new HashMap<>();
		if (personIds.isEmpty()) {
			return loads;
		}
		List<Object[]> rows = this.entityManager.createQuery("""
				select r.claimedBy.id, count(r) from HelpRequest r
				where r.status = org.handraise.requests.RequestStatus.CLAIMED and r.claimedBy.id in :ids
				group by r.claimedBy.id""", Object[].class).setParameter("ids", personIds).getResultList();
		for (Object[] row : rows) {
			loads.put((Long) row[0], (Long) row[1]);
		}
		return loads;
	}

}
