package org.handraise.people;

import java.util.List;

/**
 * The signed-in person, as {@code GET /api/me} returns them.
 */
public record Me(String username, String displayName, List<String> roles, String team, List<String> skills) {

	static Me of(Person person) {
		return new Me(person.getUsername(), person.getDisplayName(),
				person.getRoles().stream().map(Enum::name).sorted().toList(),
				(person.getTeam() != null) ? person.getTeam().getName() : null, List.copyOf(person.getSkills()));
	}

}
