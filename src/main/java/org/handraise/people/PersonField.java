package org.handraise.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.handraise.shared.MessageKey;

/**
 * The fields of a person an administrator can change, in the form's order, each named as
 * a sentence names it ("Saved: display name, team and roles.").
 */
public enum PersonField implements MessageKey {

	DISPLAY_NAME("admin.people.field.display-name"), EMAIL("admin.people.field.email"), TEAM("admin.people.field.team"),
	ROLES("admin.people.field.roles"), SKILLS("admin.people.field.skills"),
	AVAILABILITY("admin.people.field.availability");

	private final String code;

	PersonField(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public int arity() {
		return 0;
	}

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
