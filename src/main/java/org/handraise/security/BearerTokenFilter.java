package org.handraise.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.handraise.tokens.AccessTokenService;
import org.handraise.tokens.TokenOwner;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer hr_...} for the API: a personal access token, checked by
 * one indexed lookup of its SHA-256 hash instead of a password hash. A request without a
 * bearer token passes on untouched (to HTTP Basic); a bearer token that is unknown,
 * revoked, expired or whose owner is deactivated ends the request with a 401 whose
 * challenge is {@code Bearer error="invalid_token"} (RFC 6750).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "bearer ";

	private final AccessTokenService tokens;

	private final AuthenticationEntryPoint entryPoint;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenFilter(AccessTokenService tokens, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<TokenOwner> owner = this.tokens.authenticate(header.substring(BEARER.length()).strip());
		if (owner.isEmpty()) {
			this.contexts.clearContext();
			this.entryPoint.commence(request, response, new InvalidAccessTokenException());
			return;
		}
		TokenOwner who = owner.get();
		UserDetails user = User.withUsername(who.username())
			.password("")
			.authorities(who.roles().stream().map((r) -> new SimpleGrantedAuthority(r.authority())).toList())
			.build();
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

}
