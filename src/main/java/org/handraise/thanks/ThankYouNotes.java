package org.handraise.thanks;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ThankYouNotes extends JpaRepository<ThankYouNote, Long> {

	@EntityGraph(attributePaths = { "from", "to", "request" })
	@Query("select n from ThankYouNote n where n.publicNote = true")
	Page<ThankYouNote> findPublic(Pageable pageable);

	@EntityGraph(attributePaths = { "from", "to", "request" })
	@Query("select n from ThankYouNote n where n.publicNote = true or n.from.id = :personId or n.to.id = :personId")
	Page<ThankYouNote> findVisibleTo(@Param("personId") Long personId, Pageable pageable);

}
