package org.handraise.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One row of the audit log, as the administrators' page shows it.
 */
public record AuditEventView(long id, Instant occurredAt, String actor, String action, String subject, String detail,
		String requestId, String instanceId, String clientAddress) {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	/** When, in UTC, to the second. */
	public String occurredAtUtc() {
		return UTC.format(this.occurredAt);
	}

}
