package org.handraise.people.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.handraise.people.AdminPersonView;
import org.handraise.people.PersonCommand;
import org.handraise.people.Role;

/**
 * The administrator's person form. Skills are typed comma-separated.
 */
public class PersonForm {

	private String username;

	private String displayName;

	private String email;

	private String team;

	private String availability;

	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private String skills;

	private String password;

	static PersonForm of(AdminPersonView person) {
		PersonForm form = new PersonForm();
		form.username = person.username();
		form.displayName = person.displayName();
		form.email = person.email();
		form.team = person.team();
		form.availability = person.availability();
		form.roles = EnumSet.noneOf(Role.class);
		person.roles().forEach((r) -> form.roles.add(Role.valueOf(r)));
		form.skills = String.join(", ", person.skills());
		return form;
	}

	PersonCommand toCommand() {
		List<String> skillList = (this.skills == null || this.skills.isBlank()) ? List.of()
				: Arrays.stream(this.skills.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
		return new PersonCommand(this.username, this.displayName, this.email, this.team, this.availability, this.roles,
				skillList, this.password);
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getTeam() {
		return this.team;
	}

	public void setTeam(String team) {
		this.team = team;
	}

	public String getAvailability() {
		return this.availability;
	}

	public void setAvailability(String availability) {
		this.availability = availability;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = (roles != null) ? roles : EnumSet.noneOf(Role.class);
	}

	public String getSkills() {
		return this.skills;
	}

	public void setSkills(String skills) {
		this.skills = skills;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
