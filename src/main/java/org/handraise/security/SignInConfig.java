package org.handraise.security;

import org.handraise.audit.AuditLog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one way in, for every filter chain: the people directory's accounts and passwords
 * behind the {@link LoginThrottle}. (Separate from {@link SecurityConfig} so that web
 * slices, which import that one, need no database.)
 */
@Configuration(proxyBeanMethods = false)
class SignInConfig {

	@Bean
	AuthenticationProvider throttledAuthenticationProvider(PeopleUserDetailsService users,
			PasswordEncoder passwordEncoder, LoginThrottle throttle, AuditLog audit) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ThrottledAuthenticationProvider(passwords, throttle, audit);
	}

}
