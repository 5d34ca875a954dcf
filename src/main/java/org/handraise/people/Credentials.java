package org.handraise.people;

import java.util.Set;

/**
 * What sign-in needs to know about a person, and nothing more.
 * {@code mustChangePassword}: they signed in with a password an administrator chose, and
 * must choose their own before anything else.
 */
public record Credentials(String username, String passwordHash, boolean active, Set<Role> roles,
		boolean mustChangePassword) {
}
