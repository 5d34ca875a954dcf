package org.handraise.people;

import java.util.List;

/**
 * A person as administrators see them, with the contact details the directory leaves out.
 */
public record AdminPersonView(String username, String displayName, String email, String team, List<String> roles,
		List<String> skills, String availability, boolean active) {

	static AdminPersonView of(Person person) {
		return new AdminPersonView(person.getUsername(), person.getDisplayName(), person.getEmail(),
				(person.getTeam() != null) ? person.getTeam().getName() : null,
				person.getRoles().stream().map(Enum::name).sorted().toList(), List.copyOf(person.getSkills()),
				person.getAvailability(), person.isActive());
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

}
