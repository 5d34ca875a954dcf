package org.handraise.people;

import java.util.List;

/**
 * What an administrator's change of a person did: the person as they are now, and which
 * fields changed (in the form's order; empty when nothing did, and then nothing was
 * saved).
 */
public record PersonUpdate(AdminPersonView person, List<PersonField> changed) {

	public PersonUpdate {
		changed = List.copyOf(changed);
	}

}
