package org.handraise.thanks;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Thank-you notes, with the people they show fetched in the same query
 * ({@code join fetch}); the requests' headlines come from the requests module, by id.
 */
interface ThankYouNotes extends JpaRepository<ThankYouNote, Long> {

	@Query(value = """
			select n from ThankYouNote n join fetch n.from join fetch n.to
			where n.publicNote = true""", countQuery = "select count(n) from ThankYouNote n where n.publicNote = true")
	Page<ThankYouNote> findPublic(Pageable pageable);

	@Query(value = """
			select n from ThankYouNote n join fetch n.from join fetch n.to
			where n.publicNote = true or n.from.id = :personId or n.to.id = :personId""", countQuery = """
			select count(n) from ThankYouNote n
			where n.publicNote = true or n.from.id = :personId or n.to.id = :personId""")
	Page<ThankYouNote> findVisibleTo(@Param("personId") Long personId, Pageable pageable);

	/** Notes to the person sent after {@code since}, public or private, newest first. */
	@Query("""
			select n from ThankYouNote n join fetch n.from join fetch n.to
			where n.to.username = :username and n.createdAt > :since
			order by n.createdAt desc, n.id desc""")
	List<ThankYouNote> findReceivedSince(@Param("username") String username, @Param("since") Instant since,
			Limit limit);

	/**
	 * The notes about one request that a person may read: the public ones, and those they
	 * sent or received.
	 */
	@Query("""
			select n from ThankYouNote n join fetch n.from join fetch n.to where n.requestId = :requestId
			and (n.publicNote = true or n.from.id = :personId or n.to.id = :personId)
			order by n.createdAt asc, n.id asc""")
	List<ThankYouNote> findAboutRequest(@Param("requestId") Long requestId, @Param("personId") Long personId);

}
