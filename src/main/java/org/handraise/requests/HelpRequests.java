package org.handraise.requests;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HelpRequests extends JpaRepository<HelpRequest, Long>, JpaSpecificationExecutor<HelpRequest> {

	@Query("select r from HelpRequest r join fetch r.author left join fetch r.claimedBy where r.id = :id")
	Optional<HelpRequest> findWithPeople(@Param("id") Long id);

	@Query("select new org.handraise.requests.RequestHeadline(r.id, r.title, r.anonymous)"
			+ " from HelpRequest r where r.id in :ids")
	List<RequestHeadline> findHeadlines(@Param("ids") Collection<Long> ids);

}
