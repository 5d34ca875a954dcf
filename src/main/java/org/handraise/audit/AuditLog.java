package org.handraise.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: security-relevant events (sign-ins, lockouts, password changes, role changes, deactivations)
 * with who, what, to whom, when (UTC), the request and the instance. It never records a password or a session id,
 * and strips control characters (CR, LF, NUL...) from whatever people typed, so an entry cannot forge another.
 * Each entry also goes to the {@code handraise.audit} log.
 */
@Service
public class AuditLog {

	private static final Logger logger = LoggerFactory.getLogger("handraise.audit");

	private static final String INSTANCE_ID = instanceId();

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	AuditLog(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records an event whose actor is the signed-in person (or {@code anonymous}). */
	public void record(AuditAction action, String subject, String detail) {
		record(currentActor(), action, subject, detail);
	}

	/** Records an event with a given actor (for sign-in, where nobody is signed in yet). */
	public void record(String actor, AuditAction action, String subject, String detail) {
		Map<String, Object> row = new HashMap<>();
		row.put("at", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC));
		row.put("actor", clean(actor, 100, "anonymous"));
		row.put("action", action.name());
		row.put("subject", clean(subject, 100, null));
		row.put("detail", clean(detail, 300, null));
		row.put("requestId", clean(requestId(), 40, null));
		row.put("instance", INSTANCE_ID);
		this.jdbc.update("insert into audit_events (occurred_at, actor, action, subject, detail, request_id,"
				+ " instance_id) values (:at, :actor, :action, :subject, :detail, :requestId, :instance)", row);
		logger.info("audit action={} actor={} subject={} detail={} request={}", action, row.get("actor"),
				row.get("subject"), row.get("detail"), row.get("requestId"));
	}

	/** The newest events first, optionally of one action only. */
	@PreAuthorize("hasRole('ADMIN')")
	public Page<AuditEventView> events(AuditAction action, String actor, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), size);
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (action != null) {
			where.append(" and action = :action");
			params.put("action", action.name());
		}
		String who = clean(actor, 100, null);
		if (who != null && !who.isBlank()) {
			where.append(" and actor = :actor");
			params.put("actor", who.strip());
		}
		Long total = this.jdbc.queryForObject("select count(*) from audit_events" + where, params, Long.class);
		params.put("limit", request.getPageSize());
		params.put("offset", request.getOffset());
		List<AuditEventView> rows = this.jdbc.query("select id, occurred_at, actor, action, subject, detail,"
				+ " request_id, instance_id from audit_events" + where
				+ " order by occurred_at desc, id desc limit :limit offset :offset", params,
				(rs, i) -> new AuditEventView(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8)));
		return new PageImpl<>(rows, request, (total != null) ? total : 0);
	}

	/** Printable text only, at most {@code max} characters: CR, LF, NUL and other controls become spaces. */
	static String clean(String text, int max, String fallback) {
		if (text == null) {
			return fallback;
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), max));
		text.codePoints().limit(max).forEach((c) -> out.appendCodePoint(
				(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || Character.isSurrogate((char) c)) ? ' '
						: c));
		String cleaned = out.toString();
		return (cleaned.length() > max) ? cleaned.substring(0, max) : cleaned;
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return "anonymous";
		}
		return authentication.getName();
	}

	/** The request's {@code X-Request-Id} when a proxy set one, else a request attribute made up once. */
	private static String requestId() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		Object id = request.getAttribute(AuditLog.class.getName() + ".requestId");
		if (id == null) {
			String header = request.getHeader("X-Request-Id");
			id = (header != null && header.matches("[A-Za-z0-9._-]{1,40}")) ? header
					: UUID.randomUUID().toString().substring(0, 13);
			request.setAttribute(AuditLog.class.getName() + ".requestId", id);
		}
		return id.toString();
	}

	private static String instanceId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown";
		}
		String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
		return (id.length() > 60) ? id.substring(id.length() - 60) : id;
	}

}
