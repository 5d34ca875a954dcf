package org.handraise.people;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * People. Associations a read needs are fetched with {@code join fetch} in the query,
 * never with an entity graph: Hibernate translates a query with an entity graph to SQL
 * again on every call (its plan is not kept), and every signed-in call reads its caller.
 */
interface People extends JpaRepository<Person, Long> {

	/**
	 * The person with their roles and skills, in one query: every signed-in call reads
	 * its caller this way (lists and the home page need a mentor's skills).
	 */
	@Query("select p from Person p left join fetch p.roles left join fetch p.skills where p.username = :username")
	Optional<Person> findByUsername(@Param("username") String username);

	boolean existsByUsername(String username);

	@Query("select p.lastSeenAt from Person p where p.username = :username")
	Optional<Instant> findLastSeenAt(@Param("username") String username);

	/** Notes a visit without loading the person, and without touching its version. */
	@Modifying
	@Query(nativeQuery = true, value = "update people set last_seen_at = :at where username = :username")
	int updateLastSeenAt(@Param("username") String username, @Param("at") Instant at);

	@Query("""
			select new org.handraise.people.Contact(p.username, p.displayName, p.email) from Person p
			where p.active = true and p.username in :usernames""")
	List<Contact> findContacts(@Param("usernames") Collection<String> usernames);

	@Query("""
			select distinct new org.handraise.people.Contact(p.username, p.displayName, p.email) from Person p
			join p.roles r join p.skills s
			where p.active = true and r = org.handraise.people.Role.MENTOR and s in :skills""")
	List<Contact> findMentorsWithSkills(@Param("skills") Collection<String> skills);

	@Query(value = "select p from Person p left join fetch p.team where p.active = true or :includeInactive = true",
			countQuery = "select count(p) from Person p where p.active = true or :includeInactive = true")
	Page<Person> findDirectory(@Param("includeInactive") boolean includeInactive, Pageable pageable);

}
