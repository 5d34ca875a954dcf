package org.handraise.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.handraise.audit.AuditAction;
import org.handraise.audit.AuditLog;
import org.handraise.people.AccessRevoked;
import org.handraise.shared.AfterCommit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a person's sessions everywhere they are stored (Spring Session keeps them in the
 * database, indexed by principal name), so every instance forgets them at once.
 */
@Component
class SessionTerminator {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final AuditLog audit;

	private final PeopleUserDetailsService users;

	SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions, AuditLog audit,
			PeopleUserDetailsService users) {
		this.sessions = sessions;
		this.audit = audit;
		this.users = users;
	}

	/**
	 * After the change is committed: a deactivated person, one whose password an
	 * administrator reset and one whose roles an administrator changed lose every
	 * session. A person who changed their own password, or an administrator who changed
	 * their own roles, keeps the session they did it from; for roles, that session takes
	 * the new roles at once, with a new id.
	 * <p>
	 * {@link AfterCommit}, not a stored event publication: "the session they did it from"
	 * is the current request's, which a later resubmission would not have.
	 */
	@EventListener
	void on(AccessRevoked event) {
		AfterCommit.run(() -> endSessions(event));
	}

	private void endSessions(AccessRevoked event) {
		String keep = isCurrentUser(event.username()) ? currentSessionId() : null;
		int ended = endSessions(event.username(), keep);
		if (keep != null && event.cause() == AccessRevoked.Cause.ROLES_CHANGED) {
			signInAgainWithTheNewRoles(event.username());
		}
		if (ended > 0) {
			this.audit.record(AuditAction.SESSIONS_ENDED, event.username(),
					ended + " session(s), " + event.cause().name().toLowerCase(java.util.Locale.ROOT));
		}
	}

	/**
	 * "Log out my other sessions": ends every session of {@code username} but the one
	 * they asked from, and records that they did, however many there were.
	 */
	int endOtherSessions(String username, String currentSessionId) {
		int ended = endSessions(username, currentSessionId);
		this.audit.record(AuditAction.SESSIONS_ENDED, username, ended + " session(s), log out other sessions");
		return ended;
	}

	/**
	 * Ends all sessions of {@code username} but {@code keepSessionId} (null: all); how
	 * many ended.
	 */
	private int endSessions(String username, String keepSessionId) {
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(username).keySet()) {
			if (!id.equals(keepSessionId)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	/** How many sessions {@code username} has besides {@code currentSessionId}. */
	int countOthers(String username, String currentSessionId) {
		Map<String, ? extends Session> found = this.sessions.findByPrincipalName(username);
		return (int) found.keySet().stream().filter((id) -> !id.equals(currentSessionId)).count();
	}

	/**
	 * Replaces the signed-in person's authentication in the current session by one with
	 * the roles (and marks, such as {@link PasswordChangeRequiredFilter#AUTHORITY}) the
	 * database holds now, and gives the session a new id (a change of privileges, like a
	 * sign-in).
	 */
	void signInAgainWithTheNewRoles(String username) {
		UserDetails user = this.users.loadUserByUsername(username);
		if (user instanceof CredentialsContainer container) {
			container.eraseCredentials();
		}
		Authentication before = SecurityContextHolder.getContext().getAuthentication();
		UsernamePasswordAuthenticationToken after = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		after.setDetails(before.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(after);
		SecurityContextHolder.setContext(context);
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		request.changeSessionId();
	}

	private static boolean isCurrentUser(String username) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && username.equals(authentication.getName());
	}

	private static String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			HttpSession session = request.getSession(false);
			return (session != null) ? session.getId() : null;
		}
		return null;
	}

}
