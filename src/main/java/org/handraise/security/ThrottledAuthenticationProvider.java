package org.handraise.security;

import jakarta.servlet.http.HttpServletRequest;

import org.handraise.audit.AuditAction;
import org.handraise.audit.AuditLog;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-in (form and HTTP Basic alike) behind the {@link LoginThrottle}: a locked name is refused before its
 * password is even looked at, a failure is counted, a success clears the count. A locked name gets the same
 * answer as a wrong password: {@code /login?error} on the page, the same 401 problem on the API.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, AuditLog audit) {
		this.delegate = delegate;
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		LoginThrottle.State state;
		try {
			state = this.throttle.state(name);
		}
		catch (DataAccessException ex) {
			throw new InternalAuthenticationServiceException("The sign-in throttle is not available", ex);
		}
		if (state == LoginThrottle.State.LOCKED) {
			this.audit.record(name, AuditAction.LOGIN_REFUSED_LOCKED, name, null);
			throw new LockedException("Bad credentials");
		}
		Authentication result;
		try {
			result = this.delegate.authenticate(authentication);
		}
		catch (InternalAuthenticationServiceException ex) {
			throw ex;
		}
		catch (AuthenticationException ex) {
			try {
				boolean locked = this.throttle.recordFailure(name);
				this.audit.record(name, AuditAction.LOGIN_FAILURE, name, signInChannel());
				if (locked) {
					this.audit.record(name, AuditAction.ACCOUNT_LOCKED, name, null);
				}
			}
			catch (DataAccessException dataEx) {
				throw new InternalAuthenticationServiceException("The sign-in throttle is not available", dataEx);
			}
			throw ex;
		}
		if (result != null) {
			if (state == LoginThrottle.State.COUNTING) {
				this.throttle.recordSuccess(name);
			}
			if (isFormSignIn()) {
				this.audit.record(result.getName(), AuditAction.LOGIN_SUCCESS, result.getName(), "form");
			}
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

	private static String signInChannel() {
		return isFormSignIn() ? "form" : "basic";
	}

	/**
	 * The sign-in form, as opposed to HTTP Basic on every API call: only the former is worth an audit entry when
	 * it succeeds (the latter would log every request).
	 */
	private static boolean isFormSignIn() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return "POST".equals(request.getMethod())
					&& (request.getContextPath() + "/login").equals(request.getRequestURI());
		}
		return false;
	}

}
