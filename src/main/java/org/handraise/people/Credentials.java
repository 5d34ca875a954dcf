package org.handraise.people;

import java.util.Set;

/**
 * What sign-in needs to know about a person, and nothing more.
 */
public record Credentials(String username, String passwordHash, boolean active, Set<Role> roles) {
}
