package org.handraise.people;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.handraise.shared.PlainText;

/**
 * An administrator's description of a person: for adding one, or changing one (then the username and
 * password are ignored).
 */
public record PersonCommand(
		@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
				message = "{handraise.validation.username}") String username,
		@NotBlank @Size(max = 80) @PlainText String displayName,
		@NotBlank @Size(max = 120) @Email String email,
		@Size(max = 60) @PlainText String team,
		@Size(max = 200) @PlainText String availability,
		Set<Role> roles,
		@Size(max = 10) List<@NotBlank @Size(max = 30) @PlainText String> skills,
		@Size(min = 12, max = 128, message = "{handraise.validation.password}") String password) {

	public PersonCommand {
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		skills = (skills != null) ? List.copyOf(skills) : List.of();
	}

}
