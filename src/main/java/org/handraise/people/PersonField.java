package org.handraise.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.handraise.shared.Code;
import org.handraise.shared.MessageKey;

/**
 * The fields of a person an administrator can change, in the form's order, each named as
 * a sentence names it ("Saved: display name, team and roles.").
 */
public enum PersonField implements MessageKey {

	@Code("admin.people.field.display-name")
	DISPLAY_NAME,

	@Code("admin.people.field.email")
	EMAIL,

	@Code("admin.people.field.team")
	TEAM,

	@Code("admin.people.field.roles")
	ROLES,

	@Code("admin.people.field.skills")
	SKILLS,

	@Code("admin.people.field.availability")
	AVAILABILITY;

	/**
	 * The fields that differ between the two views of one person, in the form's order.
	 */
	static List<PersonField> changed(AdminPersonView before, AdminPersonView after) {
		List<PersonField> changed = new ArrayList<>();
		if (!Objects.equals(before.displayName(), after.displayName())) {
			changed.add(DISPLAY_NAME);
		}
		if (!Objects.equals(before.email(), after.email())) {
			changed.add(EMAIL);
		}
		if (!Objects.equals(before.team(), after.team())) {
			changed.add(TEAM);
		}
		if (!Objects.equals(before.roles(), after.roles())) {
			changed.add(ROLES);
		}
		if (!Objects.equals(before.skills(), after.skills())) {
			changed.add(SKILLS);
		}
		if (!Objects.equals(before.availability(), after.availability())) {
			changed.add(AVAILABILITY);
		}
		return changed;
	}

}
