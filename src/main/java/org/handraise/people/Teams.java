package org.handraise.people;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Teams extends JpaRepository<Team, Long> {

	Optional<Team> findByNameIgnoreCase(String name);

}
