package org.handraise.security;

import java.util.HashMap;
import java.util.Map;

import java.time.Clock;

import org.handraise.tokens.AccessTokenService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Two filter chains over the same accounts: {@code /api/**} is stateless, with a personal
 * access token ({@code Authorization: Bearer}) or HTTP Basic (no session, so no CSRF
 * token, but no calls from other sites' pages either: {@link SameOriginFilter}), and the
 * pages use form login with a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfig {

	@Bean
	PasswordEncoder passwordEncoder() {
		// new hashes: bcrypt over SHA-256, so passwords of up to 128 characters count
		// whole (bcrypt alone reads 72 bytes); existing {bcrypt}, {argon2}... hashes
		// still match
		Map<String, PasswordEncoder> encoders = new HashMap<>();
		encoders.put(BcryptSha256PasswordEncoder.ID, new BcryptSha256PasswordEncoder());
		DelegatingPasswordEncoder standard = (DelegatingPasswordEncoder) PasswordEncoderFactories
			.createDelegatingPasswordEncoder();
		DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(BcryptSha256PasswordEncoder.ID, encoders);
		delegating.setDefaultPasswordEncoderForMatches(standard);
		return delegating;
	}

	/**
	 * No observations of the filter chain, authentication and authorization: each request
	 * would otherwise start and stop an observation around every one of its ~15 filters
	 * (JFR: 5-8 % of an API call's CPU). Requests are still observed as a whole
	 * ({@code http.server.requests}); failed sign-ins and refusals are in the audit log.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems,
			ObjectProvider<AccessTokenService> tokens, @Value("${handraise.base-url:}") String baseUrl)
			throws Exception {
		statelessBasic(http.securityMatcher("/api/**"), problems.api(), problems)
			.authorizeHttpRequests((auth) -> auth.anyRequest().authenticated());
		// a person who must choose their own password first does that on the pages, not
		// here
		http.addFilterAfter(PasswordChangeRequiredFilter.api(problems), AuthorizationFilter.class);
		// another site's call (a browser sends Origin) is refused before any credentials
		// are read: in the place of the CSRF filter, which a stateless API has no use for
		http.addFilterAt(new SameOriginFilter(problems, baseUrl), CsrfFilter.class);
		// a personal access token (Authorization: Bearer) first: no password hash per
		// call; Basic still works. (Web slice tests without the tokens feature get Basic
		// only.)
		AccessTokenService tokenService = tokens.getIfAvailable();
		if (tokenService != null) {
			http.addFilterBefore(new BearerTokenFilter(tokenService, problems.api()), BasicAuthenticationFilter.class);
		}
		return http.build();
	}

	/**
	 * Actuator: health and info for everyone (load balancers, probes), everything else
	 * (Prometheus, metrics) for administrators, with HTTP Basic so that a scraper can
	 * sign in.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain actuatorChain(HttpSecurity http, ProblemResponses problems) throws Exception {
		statelessBasic(http.securityMatcher("/actuator/**"), problems, problems).authorizeHttpRequests(
				(auth) -> auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
					.permitAll()
					.anyRequest()
					.hasRole("ADMIN"));
		http.addFilterAfter(PasswordChangeRequiredFilter.api(problems), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageChain(HttpSecurity http, SecuritySettings settings, Clock clock, ProblemResponses problems)
			throws Exception {
		strictHeaders(http);
		// a 403 (wrong role, missing CSRF token) is audited, then shown as the error
		// page; a visitor who is not signed in is sent to /login by a relative address,
		// never one built from the Host header they sent
		LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
		signIn.setFavorRelativeUris(true);
		// the live updates' stream is read by a script (EventSource), which can't sign
		// in: 401, not the login page
		AuthenticationEntryPoint entryPoint = DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), SseRequests::is)
			.defaultEntryPoint(signIn)
			.build();
		http.exceptionHandling((ex) -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(problems.pages()));
		// a session older than the absolute timeout ends before anyone reads who is
		// signed in with it
		http.addFilterBefore(new AbsoluteSessionTimeoutFilter(settings.session().absoluteTimeout(), clock),
				SecurityContextHolderFilter.class);
		// the page an anonymous visitor asked for waits in a cookie, not in a new
		// session: a crawler stores nothing
		http.requestCache((cache) -> cache.requestCache(pageRequestCache()));
		// a new session id at sign-in (no fixation), as Spring Security does by default:
		// said here on purpose
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers("/login", "/error", "/error/**", "/css/**", "/js/**", "/images/**", "/webjars/**",
					"/favicon.ico")
			.permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers(UNSUBSCRIBE)
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/mentor", "/mentor/**")
			.hasRole("MENTOR")
			.requestMatchers("/stats", "/stats/**")
			.hasAnyRole("MANAGER", "ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
		// an email's unsubscribe link works without signing in and without a CSRF token:
		// a mail program posts to it (RFC 8058 one-click); its signed token is the proof
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(UNSUBSCRIBE));
		// a person signed in with a password an administrator chose goes to /welcome
		// until they choose their own
		http.addFilterAfter(PasswordChangeRequiredFilter.pages(), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Where a visitor who is not signed in wanted to go, kept for after signing in: the
	 * path and query in a cookie ({@code REDIRECT_URI}: HttpOnly, SameSite=Lax, Secure
	 * over HTTPS, gone when the browser closes), read back as a path on this site only.
	 * Only page GETs are kept (not a form post, not a script's request, not an event
	 * stream). No session is made for it, and the address after signing in is the page's
	 * own, with no marker parameter.
	 */
	static CookieRequestCache pageRequestCache() {
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher((request) -> "GET".equals(request.getMethod())
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")) && !SseRequests.is(request));
		cache.setCookieCustomizer((cookie) -> cookie.setAttribute("SameSite", "Lax"));
		return cache;
	}

	/**
	 * A chain for machines: HTTP Basic on every call, no session (and so no CSRF), 401
	 * and 403 as problem+json.
	 */
	private static HttpSecurity statelessBasic(HttpSecurity http, AuthenticationEntryPoint unauthorized,
			AccessDeniedHandler forbidden) throws Exception {
		strictHeaders(http);
		return http.httpBasic((basic) -> basic.authenticationEntryPoint(unauthorized))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
	}

	/**
	 * Headers for every response: a Content-Security-Policy without inline script, no
	 * framing, no sniffing, a cautious referrer, and (Spring Security's default)
	 * {@code Cache-Control: no-store}.
	 */
	static void strictHeaders(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer
				.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions((frame) -> frame.deny())
			.permissionsPolicyHeader(
					(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
	}

	/** The unsubscribe links of emails: one path segment, the signed token. */
	static final String UNSUBSCRIBE = "/unsubscribe/*";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

}
