package org.handraise.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface People extends JpaRepository<Person, Long> {

	/**
	 * The person with their roles and skills, in one query: every signed-in call reads its caller this way (lists
	 * and the home page need a mentor's skills).
	 */
	@EntityGraph(attributePaths = { "roles", "skills" })
	Optional<Person> findByUsername(String username);

	boolean existsByUsername(String username);

	@EntityGraph(attributePaths = "team")
	@Query("select p from Person p where p.active = true or :includeInactive = true")
	Page<Person> findDirectory(@Param("includeInactive") boolean includeInactive, Pageable pageable);

	@EntityGraph(attributePaths = "team")
	List<Person> findByUsernameIn(Collection<String> usernames);

}
