package org.handraise.stats;

import java.util.Map;

import org.handraise.requests.RequestChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the statistics' derived tables ({@code stats_request}, {@code stats_request_topic}, see
 * {@code V8__create_stats_facts.sql}) in step with the raw tables: on every {@link RequestChanged}, in the same
 * transaction as the change (a plain {@code @EventListener} runs synchronously in the publisher's transaction),
 * the request's rows are computed again from the raw tables with the same SQL as the migration's backfill.
 */
@Component
public class StatsFacts {

	private static final String FACT = "insert into stats_request (request_id, created_at, created_epoch, author_id,"
			+ " anonymous, status, resolved_at, resolved_epoch, first_response_s, first_claim_s, resolved_s, closed_s,"
			+ " reopened, thanked) select r.id, r.created_at, cast(extract(epoch from r.created_at) as double precision),"
			+ " r.author_id, r.anonymous, r.status, r.resolved_at,"
			+ " cast(extract(epoch from r.resolved_at) as double precision),"
			+ " cast(extract(epoch from r.first_response_at) - extract(epoch from r.created_at) as double precision),"
			+ " cast(extract(epoch from (select min(e.occurred_at) from request_events e where e.request_id = r.id"
			+ " and e.to_status = 'CLAIMED')) - extract(epoch from r.created_at) as double precision),"
			+ " case when r.status = 'RESOLVED' then cast(extract(epoch from r.resolved_at)"
			+ " - extract(epoch from r.created_at) as double precision) end,"
			+ " case when r.status in ('RESOLVED', 'CANCELLED') then cast(extract(epoch from coalesce(r.resolved_at,"
			+ " r.cancelled_at)) - extract(epoch from r.created_at) as double precision) end,"
			+ " exists (select 1 from request_events e where e.request_id = r.id and e.to_status = 'OPEN'"
			+ " and e.from_status in ('ANSWERED', 'RESOLVED')),"
			+ " exists (select 1 from thank_you_notes n where n.request_id = r.id)"
			+ " from help_requests r where r.id = :id";

	private static final String TOPICS = "insert into stats_request_topic (request_id, topic_id, created_at,"
			+ " author_id, anonymous, status) select rt.request_id, rt.topic_id, r.created_at, r.author_id,"
			+ " r.anonymous, r.status from request_topics rt join help_requests r on r.id = rt.request_id"
			+ " where rt.request_id = :id";

	private final NamedParameterJdbcTemplate jdbc;

	StatsFacts(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(RequestChanged event) {
		refresh(event.requestId());
	}

	/** Computes the derived rows of request {@code id} again from the raw tables. */
	public void refresh(long id) {
		Map<String, Long> params = Map.of("id", id);
		this.jdbc.update("delete from stats_request_topic where request_id = :id", params);
		this.jdbc.update("delete from stats_request where request_id = :id", params);
		this.jdbc.update(FACT, params);
		this.jdbc.update(TOPICS, params);
	}

}
