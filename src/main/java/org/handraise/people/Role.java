package org.handraise.people;

/**
 * What a person may do. Everyone is an {@link #EMPLOYEE}; the others are added roles.
 */
public enum Role {

	EMPLOYEE, MENTOR, MANAGER, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
