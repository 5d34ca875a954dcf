package org.handraise.people;

import java.util.List;

/**
 * A person in the directory: team, skills, availability and how many requests they hold
 * right now.
 */
public record PersonView(String username, String displayName, String team, List<String> roles, List<String> skills,
		String availability, boolean mentor, boolean active, long openClaims) {

	static PersonView of(Person person, long openClaims) {
		return new PersonView(person.getUsername(), person.getDisplayName(),
				(person.getTeam() != null) ? person.getTeam().getName() : null,
				person.getRoles().stream().map(Enum::name).sorted().toList(), List.copyOf(person.getSkills()),
				person.getAvailability(), person.hasRole(Role.MENTOR), person.isActive(), openClaims);
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

}
