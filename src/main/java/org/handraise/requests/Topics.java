package org.handraise.requests;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Topics extends JpaRepository<Topic, Long> {

	List<Topic> findByNameIn(Collection<String> names);

}
