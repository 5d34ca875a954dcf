package org.handraise.people;

/**
 * A person as other features show them: who, not everything about them.
 */
public record PersonRef(String username, String displayName) {

	public static PersonRef of(Person person) {
		return (person != null) ? new PersonRef(person.getUsername(), person.getDisplayName()) : null;
	}

}
