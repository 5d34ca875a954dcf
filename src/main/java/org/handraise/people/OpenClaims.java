package org.handraise.people;

import java.util.Collection;
import java.util.Map;

/**
 * How many requests each person holds claimed right now: their load, as the directory and
 * a person's page show it. The requests feature owns claims and provides this (it depends
 * on people, never the other way round).
 */
public interface OpenClaims {

	/**
	 * The number of open claims of each of {@code personIds} that holds any (a person
	 * without one is absent), in one query.
	 */
	Map<Long, Long> countByPerson(Collection<Long> personIds);

}
