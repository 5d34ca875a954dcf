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
 * Sign-in (form and HTTP Basic alike) behind the {@link LoginThrottle}: a locked client
 * address or a locked name is refused before the password is even looked at (and the
 * refusal counts against nothing), a failure is counted for the name and the address, a
 * success clears the name's count. A lock gets the same answer as a wrong password:
 * {@code /login?error} on the page, the same 401 problem on the API.
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
		String address = clientAddress();
		LoginThrottle.State state;
		try {
			if (address != null && this.throttle.addressState(address) == LoginThrottle.State.LOCKED) {
				this.audit.record(name, AuditAction.LOGIN_REFUSED_LOCKED, name, "address");
				throw new LockedException("Bad credentials");
			}
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
				boolean addressLocked = address != null && this.throttle.recordAddressFailure(address);
				this.audit.record(name, AuditAction.LOGIN_FAILURE, name, signInChannel());
				if (locked) {
					this.audit.record(name, AuditAction.ACCOUNT_LOCKED, name, null);
				}
				if (addressLocked) {
					this.audit.record(name, AuditAction.ADDRESS_LOCKED, address, null);
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

	/**
	 * The client's address as the servlet container reports it: the peer, or the
	 * {@code X-Forwarded-For} address when the connection came from a trusted proxy; null
	 * outside a request.
	 */
	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}

	private static String signInChannel() {
		return isFormSignIn() ? "form" : "basic";
	}

	/**
	 * The sign-in form, as opposed to HTTP Basic on every API call: only the former is
	 * worth an audit entry when it succeeds (the latter would log every request).
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
