package org.handraise.requests;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Topics extends JpaRepository<Topic, Long> {

	List<Topic> findByNameIn(Collection<String> names);

	/** Every topic's name, A to Z: names only, no entities to load. */
	@Query("select t.name from Topic t order by t.name")
	List<String> findAllNames();

	/**
	 * Adds the topic unless it exists. Two requests posted at once with the same new
	 * topic both succeed: the second insert waits for the first and then does nothing
	 * (PostgreSQL, and H2 in its PostgreSQL mode).
	 */
	@Modifying
	@Query(value = "insert into topics (name) values (:name) on conflict do nothing", nativeQuery = true)
	int insertIfAbsent(String name);

}
