package org.handraise.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.util.NumberUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The audit log: security-relevant events (sign-ins, lockouts, password changes, role
 * changes, deactivations) with who, what, to whom, when (UTC), the request and the
 * instance. It never records a password or a session id, and strips control characters
 * (CR, LF, NUL...) from whatever people typed, so an entry cannot forge another. Each
 * entry also goes to the {@code handraise.audit} log.
 */
@Service
public class AuditLog {

	private static final Logger logger = LoggerFactory.getLogger("handraise.audit");

	private static final String INSTANCE_ID = instanceId();

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final RequestTrail trail;

	private final ActorNames names;

	AuditLog(NamedParameterJdbcTemplate jdbc, Clock clock, RequestTrail trail, ActorNames names) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.trail = trail;
		this.names = names;
	}

	/** Records an event whose actor is the signed-in person (or {@code anonymous}). */
	public void record(AuditAction action, String subject, String detail) {
		record(currentActor(), action, subject, detail);
	}

	/**
	 * Records an event with a given actor (for sign-in, where nobody is signed in yet).
	 */
	public void record(String actor, AuditAction action, String subject, String detail) {
		write(actor, action, subject, detail, clientAddress());
	}

	private void write(String actor, AuditAction action, String subject, String detail, String address) {
		if (action.isTransition()) {
			throw new IllegalArgumentException(
					action + " is read from the requests' history (RequestTrail), not recorded here");
		}
		Map<String, Object> row = new HashMap<>();
		row.put("at", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC));
		row.put("actor", clean(actor, 100, "anonymous"));
		row.put("action", action.name());
		row.put("subject", clean(subject, 100, null));
		row.put("detail", clean(detail, 300, null));
		row.put("requestId", clean(requestId(), 40, null));
		row.put("instance", INSTANCE_ID);
		row.put("address", clean(address, 45, null));
		this.jdbc.update("""
				insert into audit_events (occurred_at, actor, action, subject, detail, request_id,
				instance_id, client_address) values (:at, :actor, :action, :subject, :detail, :requestId,
				:instance, :address)""", row);
		logger.info("audit action={} actor={} subject={} detail={} request={} address={}", action, row.get("actor"),
				row.get("subject"), row.get("detail"), row.get("requestId"), row.get("address"));
	}

	/**
	 * Records a refusal (403) of the current request by the signed-in person: the method
	 * and the path with every segment that reads as a number, however it is spelt
	 * ({@code 35}, {@code 035}, {@code +35}, {@code %2B35}, {@code 0x23}: whatever Spring
	 * would bind to an id), replaced by {@code {id}}, and why in a word. A refusal of the
	 * author of an anonymous request on that request names neither her nor her address:
	 * its actor is {@link #ANONYMOUS_AUTHOR}, as in the request's transitions, so it
	 * can't be lined up with her other entries. Never fails the response it is recorded
	 * for: if the database cannot take the row, the refusal is only logged.
	 */
	public void denied(HttpServletRequest request, String why) {
		try {
			String path = decoded(request.getRequestURI());
			String actor = currentActor();
			String subject = request.getMethod() + " " + pathPattern(path);
			Long concerned = requestIdIn(path);
			if (concerned != null && this.trail.isAnonymousAuthor(concerned, actor)) {
				write(ANONYMOUS_AUTHOR, AuditAction.ACCESS_DENIED, subject, why, null);
			}
			else {
				write(actor, AuditAction.ACCESS_DENIED, subject, why, clientAddress());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("audit action={} not stored: {}", AuditAction.ACCESS_DENIED, ex.getClass().getSimpleName());
		}
	}

	/** The path with each segment that reads as a number replaced by {@code {id}}. */
	static String pathPattern(String path) {
		if (path == null) {
			return null;
		}
		String[] segments = path.split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			if (number(segments[i]) != null) {
				segments[i] = "{id}";
			}
		}
		return String.join("/", segments);
	}

	/**
	 * The id of the help request a path is about ({@code /requests/{id}…},
	 * {@code /api/requests/{id}…}), if any.
	 */
	static Long requestIdIn(String path) {
		if (path == null) {
			return null;
		}
		String[] segments = path.split("/", -1);
		for (int i = 0; i + 1 < segments.length; i++) {
			if (segments[i].equals("requests")) {
				return number(segments[i + 1]);
			}
		}
		return null;
	}

	/**
	 * The number a path segment stands for as Spring MVC would bind it to a {@code long}
	 * (its matrix parameters dropped, white space trimmed, a sign, leading zeros, hex and
	 * any Unicode digits accepted), or null.
	 */
	private static Long number(String segment) {
		int matrix = segment.indexOf(';');
		String value = StringUtils.trimAllWhitespace((matrix >= 0) ? segment.substring(0, matrix) : segment);
		if (value.isEmpty() || value.length() > 40) {
			return null;
		}
		try {
			return NumberUtils.parseNumber(value, Long.class);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The request URI percent-decoded, as the handler mapping sees it (undecodable: as it
	 * came).
	 */
	private static String decoded(String uri) {
		if (uri == null) {
			return null;
		}
		try {
			return UriUtils.decode(uri, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return uri;
		}
	}

	/**
	 * The audit log, newest first, optionally of one action and one actor: the rows of
	 * {@code audit_events} merged with the lifecycle transitions of the requests
	 * ({@link RequestTrail}), their actors named through {@link ActorNames}: two
	 * statements, a count and a page. The author of an anonymous request is shown as
	 * {@link #ANONYMOUS_AUTHOR} for the transitions of that request, to administrators
	 * too, and filtering by the author's name does not find them.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public Page<AuditEventView> events(AuditAction action, String actor, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), size);
		Map<String, Object> params = new HashMap<>();
		params.put("anonymousAuthor", ANONYMOUS_AUTHOR);
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
		String merged = MERGED.formatted(this.trail.transitionsQuery(), this.names.namesQuery());
		Long total = this.jdbc.queryForObject("select count(*) from " + merged + where, params, Long.class);
		params.put("limit", request.getPageSize());
		params.put("offset", request.getOffset());
		String select = """
				select id, occurred_at, actor, action, subject, detail,
				request_id, instance_id, client_address from %s%s
				order by occurred_at desc, source, id desc limit :limit offset :offset""".formatted(merged, where);
		List<AuditEventView> rows = this.jdbc.query(select, params,
				(rs, i) -> new AuditEventView(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8), rs.getString(9)));
		return new PageImpl<>(rows, request, (total != null) ? total : 0);
	}

	/**
	 * Who the audit log names as the actor of a transition by the author of an anonymous
	 * request.
	 */
	public static final String ANONYMOUS_AUTHOR = "(anonymous author)";

	/**
	 * {@code audit_events} and the transitions of {@link RequestTrail#transitionsQuery()}
	 * (the first {@code %s}) in one shape, each transition's actor named by
	 * {@link ActorNames#namesQuery()} (the second) unless they are the hidden author.
	 */
	private static final String MERGED = """
			(select id, occurred_at, actor, action, subject, detail, request_id, instance_id, client_address,
			  0 as source
			from audit_events
			union all
			select t.id, t.occurred_at,
			  case when t.author_hidden then :anonymousAuthor else n.name end,
			  case when t.kind = 'EDITED' then 'REQUEST_EDITED' else 'REQUEST_' || t.to_status end,
			  'request ' || cast(t.request_id as varchar(20)),
			  case when t.from_status is null then 'new request' when t.kind = 'EDITED' then 'while ' || t.to_status
			    else 'from ' || t.from_status end
			  || case when t.reason is null then '' else ', ' || t.reason end,
			  cast(null as varchar(40)), cast(null as varchar(60)), cast(null as varchar(45)), 1 as source
			from (%s) t join (%s) n on n.id = t.actor_id) merged""";

	/**
	 * Printable text only, at most {@code max} characters: CR, LF, NUL and other controls
	 * become spaces.
	 */
	static String clean(String text, int max, String fallback) {
		if (text == null) {
			return fallback;
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), max));
		text.codePoints()
			.limit(max)
			.forEach((c) -> out.appendCodePoint(
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

	/**
	 * The client's address as the servlet container sees it: the {@code X-Forwarded-For}
	 * address only when the connection came from a trusted proxy
	 * ({@code server.tomcat.remoteip.internal-proxies}), else the peer.
	 */
	private static String clientAddress() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		return attributes.getRequest().getRemoteAddr();
	}

	/**
	 * The request's {@code X-Request-Id} when a proxy set one, else a request attribute
	 * made up once.
	 */
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
