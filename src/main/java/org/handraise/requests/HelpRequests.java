package org.handraise.requests;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HelpRequests extends JpaRepository<HelpRequest, Long>, JpaSpecificationExecutor<HelpRequest>, CappedSearch {

	/**
	 * A request with everyone a detail shows or a transition checks, in one query:
	 * author, claimer, and the offers with their helpers (the history's actors are nearly
	 * always among them).
	 */
	@Query("""
			select r from HelpRequest r join fetch r.author left join fetch r.claimedBy left join fetch r.offers o
			left join fetch o.helper where r.id = :id""")
	Optional<HelpRequest> findWithPeople(@Param("id") Long id);

	@Query("""
			select new org.handraise.requests.RequestHeadline(r.id, r.title, r.anonymous)
			from HelpRequest r where r.id in :ids""")
	List<RequestHeadline> findHeadlines(@Param("ids") Collection<Long> ids);

	/**
	 * The first {@code n} ids of the mentor queue
	 * ({@link RequestSpecifications#mentorQueue}: open, not the mentor's own; on the
	 * mentor's skills first, then the most urgent, then the oldest), without sorting the
	 * whole queue: each (skill match, urgency) part walks
	 * {@code (status, urgency, created_at, id)} in order and stops after {@code n}.
	 */
	@Query(nativeQuery = true, value = """
			select x.id from (
					(select r.id as id, 0 as m, 0 as u, r.created_at as created_at
					from help_requests r
					where r.status = 'OPEN' and r.urgency = 'HIGH' and r.author_id <> :me
					and exists (select 1 from request_topics rt join topics t on t.id = rt.topic_id
						where rt.request_id = r.id and t.name in (:skills))
					order by r.created_at, r.id limit :n)
					union all
					(select r.id as id, 0 as m, 1 as u, r.created_at as created_at
					from help_requests r
					where r.status = 'OPEN' and r.urgency = 'NORMAL' and r.author_id <> :me
					and exists (select 1 from request_topics rt join topics t on t.id = rt.topic_id
						where rt.request_id = r.id and t.name in (:skills))
					order by r.created_at, r.id limit :n)
					union all
					(select r.id as id, 0 as m, 2 as u, r.created_at as created_at
					from help_requests r
					where r.status = 'OPEN' and r.urgency = 'LOW' and r.author_id <> :me
					and exists (select 1 from request_topics rt join topics t on t.id = rt.topic_id
						where rt.request_id = r.id and t.name in (:skills))
					order by r.created_at, r.id limit :n)
					union all
					(select r.id as id, 1 as m, 0 as u, r.created_at as created_at
					from help_requests r
					where r.status = 'OPEN' and r.urgency = 'HIGH' and r.author_id <> :me
					and not exists (select 1 from request_topics rt join topics t on t.id = rt.topic_id
						where rt.request_id = r.id and t.name in (:skills))
					order by r.created_at, r.id limit :n)
					union all
					(select r.id as id, 1 as m, 1 as u, r.created_at as created_at
					from help_requests r
					where r.status = 'OPEN' and r.urgency = 'NORMAL' and r.author_id <> :me
					and not exists (select 1 from request_topics rt join topics t on t.id = rt.topic_id
						where rt.request_id = r.id and t.name in (:skills))
					order by r.created_at, r.id limit :n)
					union all
					(select r.id as id, 1 as m, 2 as u, r.created_at as created_at
					from help_requests r
					where r.status = 'OPEN' and r.urgency = 'LOW' and r.author_id <> :me
					and not exists (select 1 from request_topics rt join topics t on t.id = rt.topic_id
						where rt.request_id = r.id and t.name in (:skills))
					order by r.created_at, r.id limit :n)
			) x
			order by x.m, x.u, x.created_at, x.id limit :n""")
	List<Long> findSuggestionIds(@Param("me") long me, @Param("skills") Collection<String> skills, @Param("n") int n);

	/**
	 * {@link #findSuggestionIds} for a mentor without skills: the most urgent, then the
	 * oldest.
	 */
	@Query(nativeQuery = true, value = """
			select x.id from (
					(select r.id as id, 0 as u, r.created_at as created_at
					from help_requests r
					where r.status = 'OPEN' and r.urgency = 'HIGH' and r.author_id <> :me
					order by r.created_at, r.id limit :n)
					union all
					(select r.id as id, 1 as u, r.created_at as created_at
					from help_requests r
					where r.status = 'OPEN' and r.urgency = 'NORMAL' and r.author_id <> :me
					order by r.created_at, r.id limit :n)
					union all
					(select r.id as id, 2 as u, r.created_at as created_at
					from help_requests r
					where r.status = 'OPEN' and r.urgency = 'LOW' and r.author_id <> :me
					order by r.created_at, r.id limit :n)
			) x
			order by x.u, x.created_at, x.id limit :n""")
	List<Long> findOldestUrgentIds(@Param("me") long me, @Param("n") int n);

}
