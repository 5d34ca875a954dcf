package org.handraise.tokens;

import java.util.Set;

import org.handraise.people.Role;

/** Who a valid personal access token belongs to: an active person, with their roles. */
public record TokenOwner(String username, Set<Role> roles) {

	public TokenOwner {
		roles = Set.copyOf(roles);
	}

}
