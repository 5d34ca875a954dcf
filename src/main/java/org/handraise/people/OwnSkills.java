package org.handraise.people;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.handraise.shared.Labels;
import org.handraise.shared.PlainText;
import org.handraise.shared.VisibleText;

/**
 * A person's own skills, as they describe them: the same rules as an administrator's
 * ({@link PersonCommand}).
 */
record OwnSkills(@Size(max = 10,
		message = "{handraise.validation.skills.count}") List<@NotBlank(
				message = "{handraise.validation.skills.blank}") @Size(max = 30,
						message = "{handraise.validation.skills.length}") @PlainText @VisibleText(
								joiners = false) String> skills) {

	OwnSkills {
		skills = Labels.normalize(skills);
	}

}
