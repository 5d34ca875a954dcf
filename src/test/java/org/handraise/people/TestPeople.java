package org.handraise.people;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.test.util.ReflectionTestUtils;

/**
 * People for unit tests, built without a database: the id is set the way JPA would set
 * it.
 */
public final class TestPeople {

	private static final Instant CREATED_AT = Instant.parse("2025-01-06T08:00:00Z");

	private TestPeople() {
	}

	/**
	 * An active person with the given id and roles (everyone is also an
	 * {@link Role#EMPLOYEE}).
	 */
	public static Person person(long id, String username, Role... roles) {
		String displayName = username.substring(0, 1).toUpperCase(Locale.ROOT) + username.substring(1);
		Person person = new Person(username, displayName, username + "@example.com", "{noop}not-a-real-hash",
				CREATED_AT);
		person.grantRoles(List.of(roles));
		ReflectionTestUtils.setField(person, "id", id);
		return person;
	}

}
