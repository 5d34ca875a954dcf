package org.handraise.security;

import java.util.ArrayList;
import java.util.List;

import org.handraise.people.Credentials;
import org.handraise.people.PeopleService;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Sign-in over the people directory. A deactivated person is disabled and cannot sign in.
 * A person who signs in with a password an administrator chose gets the
 * {@link PasswordChangeRequiredFilter#AUTHORITY} besides their roles, until they choose
 * their own.
 */
@Service
class PeopleUserDetailsService implements UserDetailsService {

	private final PeopleService people;

	PeopleUserDetailsService(PeopleService people) {
		this.people = people;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Credentials credentials = this.people.credentials(username)
			.orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
		List<SimpleGrantedAuthority> authorities = new ArrayList<>(
				credentials.roles().stream().map((r) -> new SimpleGrantedAuthority(r.authority())).toList());
		if (credentials.mustChangePassword()) {
			authorities.add(new SimpleGrantedAuthority(PasswordChangeRequiredFilter.AUTHORITY));
		}
		return User.withUsername(credentials.username())
			.password(credentials.passwordHash())
			.disabled(!credentials.active())
			.authorities(authorities)
			.build();
	}

}
