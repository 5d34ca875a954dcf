package org.handraise.people;

/**
 * Published when an administrator adds a person or changes one's team, roles or whether
 * they are active, and when a person is seeded: what the statistics group and count
 * people by.
 *
 * @param username whose details changed
 * @param seeded whether the person was just seeded with their data (demo data, tests):
 * their team is theirs since before anything was recorded, as the requests seeded with
 * them may be dated earlier than the seeding
 */
public record PersonChanged(String username, boolean seeded) {

	public PersonChanged(String username) {
		this(username, false);
	}

}
