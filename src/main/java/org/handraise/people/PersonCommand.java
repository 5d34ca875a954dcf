package org.handraise.people;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.handraise.shared.Labels;
import org.handraise.shared.PlainText;
import org.handraise.shared.VisibleText;

/**
 * An administrator's description of a person: for adding one, or changing one (then the
 * username and password are ignored).
 */
public record PersonCommand(
		@NotBlank(message = "{handraise.validation.username.required}") @Size(max = 40,
				message = "{handraise.validation.max-length}") @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
						message = "{handraise.validation.username}") String username,
		@NotBlank(message = "{handraise.validation.display-name.required}") @Size(max = 80,
				message = "{handraise.validation.max-length}") @PlainText @VisibleText String displayName,
		@NotBlank(message = "{handraise.validation.email.required}") @Size(max = 120,
				message = "{handraise.validation.max-length}") @Email(
						message = "{handraise.validation.email}") String email,
		@Size(max = 60, message = "{handraise.validation.max-length}") @PlainText @VisibleText String team,
		@Size(max = 200, message = "{handraise.validation.max-length}") @PlainText String availability, Set<Role> roles,
		@Size(max = 10,
				message = "{handraise.validation.skills.count}") List<@NotBlank(
						message = "{handraise.validation.skills.blank}") @Size(max = 30,
								message = "{handraise.validation.skills.length}") @PlainText @VisibleText(
										joiners = false) String> skills,
		@Size(min = 12, max = 128, message = "{handraise.validation.password}") String password) {

	public PersonCommand {
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		skills = Labels.normalize(skills);
	}

}
