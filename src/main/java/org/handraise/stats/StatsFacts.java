package org.handraise.stats;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.handraise.requests.RequestChanged;
import org.handraise.shared.DatabaseProduct;
import org.handraise.thanks.ThanksSent;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the statistics' derived tables ({@code stats_request},
 * {@code stats_request_topic}, see {@code V8__create_stats_facts.sql}) in step with the
 * raw tables: on every {@link RequestChanged} and {@link ThanksSent} for a request, in
 * the same transaction as the change (a plain {@code @EventListener} runs synchronously
 * in the publisher's transaction), the request's rows are computed again from the raw
 * tables with the same SQL as the migration's backfill.
 * <p>
 * The daily roll-ups ({@code stats_day}, {@code stats_day_topic},
 * {@code stats_day_resolved}, see {@code V10__create_stats_rollups.sql}) then get the
 * difference between the request's contribution before and after, in the request's shard
 * ({@code id % 16}, so that concurrent changes of one day rarely wait for the same row):
 * one upsert per touched row ({@code insert … on conflict do update} on PostgreSQL,
 * {@code merge} elsewhere) that adds to the row, so two transactions changing requests of
 * the same day both count (the second waits for the first's row lock, then adds to what
 * it committed). Rows are touched in one fixed order (table, then key), so two such
 * transactions never wait for each other in a cycle.
 * <p>
 * A request's row also records the team its author was in when it was posted
 * ({@code team_id}, V19; none for an anonymous request): written when the request is
 * posted and kept on every later change, so that moving or deactivating its author leaves
 * the past's team figures as they were.
 */
@Component
public class StatsFacts {

	private static final String FACT = "insert into stats_request (request_id, created_at, created_epoch, author_id,"
			+ " anonymous, status, resolved_at, resolved_epoch, first_response_s, first_claim_s, resolved_s, closed_s,"
			+ " reopened, thanked, team_id) select r.id, r.created_at,"
			+ " cast(extract(epoch from r.created_at) as double precision),"
			+ " r.author_id, r.anonymous, r.status, r.resolved_at,"
			+ " cast(extract(epoch from r.resolved_at) as double precision),"
			+ " cast(extract(epoch from r.first_response_at) - extract(epoch from r.created_at) as double precision),"
			+ " cast(extract(epoch from (select min(e.occurred_at) from request_events e where e.request_id = r.id"
			+ " and e.kind = 'CLAIMED')) - extract(epoch from r.created_at) as double precision),"
			+ " case when r.status = 'RESOLVED' then cast(extract(epoch from r.resolved_at)"
			+ " - extract(epoch from r.created_at) as double precision) end,"
			+ " case when r.status in ('RESOLVED', 'CANCELLED') then cast(extract(epoch from coalesce(r.resolved_at,"
			+ " r.cancelled_at)) - extract(epoch from r.created_at) as double precision) end,"
			+ " exists (select 1 from request_events e where e.request_id = r.id and e.kind = 'REOPENED'),"
			+ " exists (select 1 from thank_you_notes n where n.request_id = r.id), %s"
			+ " from help_requests r where r.id = :id";

	/**
	 * The author's team now, for a request being posted (none for an anonymous request).
	 */
	private static final String TEAM_NOW = "case when r.anonymous then null"
			+ " else (select p.team_id from people p where p.id = r.author_id) end";

	/** The team recorded when the request was posted, kept on every later change. */
	private static final String TEAM_KEPT = "cast(:team as bigint)";

	private static final String TOPICS = "insert into stats_request_topic (request_id, topic_id, created_at,"
			+ " author_id, anonymous, status, team_id) select rt.request_id, rt.topic_id, r.created_at, r.author_id,"
			+ " r.anonymous, r.status, f.team_id from request_topics rt join help_requests r on r.id = rt.request_id"
			+ " join stats_request f on f.request_id = r.id where rt.request_id = :id";

	private static final String CONTRIBUTION = "select f.created_epoch as created_epoch, f.status as status,"
			+ " f.team_id as team_id," + " f.anonymous as anonymous, f.reopened as reopened, f.thanked as thanked,"
			+ " case when f.first_response_s is not null or f.status = 'RESOLVED' or f.reopened then true else false end"
			+ " as answered, f.resolved_epoch as resolved_epoch, x.topic_id as topic_id from stats_request f"
			+ " left join stats_request_topic x on x.request_id = f.request_id where f.request_id = :id"
			+ " order by x.topic_id";

	private static final long DAY = 86_400;

	/**
	 * Rows per roll-up key: a request's changes go to shard {@code id % SHARDS} (see
	 * V10).
	 */
	static final int SHARDS = 16;

	/**
	 * Column types for {@code merge}, whose source row needs them (counts and days are
	 * integers).
	 */
	private static final Map<String, String> TYPES = Map.of("status", "varchar(12)", "anonymous", "boolean", "topic_id",
			"bigint", "shard", "smallint");

	private final NamedParameterJdbcTemplate jdbc;

	private final DatabaseProduct database;

	StatsFacts(NamedParameterJdbcTemplate jdbc, DatabaseProduct database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	@EventListener
	void on(RequestChanged event) {
		if (event.posted()) {
			added(event.requestId());
		}
		else {
			refresh(event.requestId());
		}
	}

	/**
	 * A note about a request changes its facts (thanked or not): computed again in the
	 * sending transaction, as for a {@link RequestChanged}.
	 */
	@EventListener
	void on(ThanksSent event) {
		if (event.requestId() != null) {
			refresh(event.requestId());
		}
	}

	/** Computes the derived rows of request {@code id} again from the raw tables. */
	public void refresh(long id) {
		Map<String, Long> params = Map.of("id", id);
		// one transaction at a time per request: a transition already holds this lock, a
		// thank-you note takes it here, so a note and a transition at once recompute the
		// facts one after the other, each from what the other committed (no key: a note's
		// foreign key check holds a key-share lock, which must not conflict)
		this.jdbc.queryForList("select id from help_requests where id = :id"
				+ (this.database.isPostgres() ? " for no key update" : " for update"), params, Long.class);
		Contribution before = contribution(params);
		this.jdbc.update("delete from stats_request_topic where request_id = :id", params);
		this.jdbc.update("delete from stats_request where request_id = :id", params);
		derive(id, params, before);
	}

	/**
	 * The derived rows of a request posted in this transaction. It has none yet, and no
	 * other transaction can see it, so there is nothing to lock, read or delete first: 4
	 * statements fewer than {@link #refresh}.
	 */
	void added(long id) {
		derive(id, Map.of("id", id), Contribution.NONE);
	}

	private void derive(long id, Map<String, Long> params, Contribution before) {
		if (before.epochDay() == null) {
			this.jdbc.update(FACT.formatted(TEAM_NOW), params);
		}
		else {
			this.jdbc.update(FACT.formatted(TEAM_KEPT),
					new MapSqlParameterSource("id", id).addValue("team", before.teamId(), Types.BIGINT));
		}
		this.jdbc.update(TOPICS, params);
		Contribution after = contribution(params);
		if (!after.equals(before)) {
			roll(before, after, (int) Math.floorMod(id, (long) SHARDS));
		}
	}

	/**
	 * What request {@code id} adds to the daily roll-ups now ({@link Contribution#NONE}
	 * if it has no facts).
	 */
	private Contribution contribution(Map<String, Long> params) {
		// one row per topic (or one with a null topic): the request's figures repeat on
		// each
		List<Long> topics = new ArrayList<>();
		List<Contribution> rows = this.jdbc.query(CONTRIBUTION, params, (rs, n) -> {
			long topic = rs.getLong("topic_id");
			if (!rs.wasNull()) {
				topics.add(topic);
			}
			double resolved = rs.getDouble("resolved_epoch");
			boolean isResolved = !rs.wasNull() && "RESOLVED".equals(rs.getString("status"));
			return new Contribution(epochDay(rs.getDouble("created_epoch")), rs.getString("status"),
					rs.getBoolean("anonymous"), rs.getBoolean("reopened"), rs.getBoolean("answered"),
					rs.getBoolean("thanked"), isResolved ? epochDay(resolved) : null, List.of(),
					rs.getObject("team_id", Long.class));
		});
		if (rows.isEmpty()) {
			return Contribution.NONE;
		}
		return rows.get(0).withTopics(topics);
	}

	private static int epochDay(double epochSeconds) {
		return Math.toIntExact((long) Math.floor(epochSeconds / DAY));
	}

	/**
	 * Adds {@code after - before} to the roll-ups, one row at a time in a fixed order.
	 */
	private void roll(Contribution before, Contribution after, int shard) {
		Map<DayKey, int[]> days = new TreeMap<>(DayKey.ORDER);
		Map<TopicKey, int[]> topics = new TreeMap<>(TopicKey.ORDER);
		Map<Integer, int[]> resolved = new TreeMap<>();
		before.addTo(days, topics, resolved, -1);
		after.addTo(days, topics, resolved, 1);
		List<MapSqlParameterSource> dayRows = new ArrayList<>();
		days.forEach((key, d) -> {
			if (d[0] != 0 || d[1] != 0 || d[2] != 0 || d[3] != 0) {
				dayRows.add(new MapSqlParameterSource().addValue("shard", shard)
					.addValue("epoch_day", key.epochDay())
					.addValue("status", key.status())
					.addValue("anonymous", key.anonymous())
					.addValue("posted", d[0])
					.addValue("reopened", d[1])
					.addValue("answered", d[2])
					.addValue("thanked", d[3]));
			}
		});
		upsert("stats_day", List.of("epoch_day", "status", "anonymous", "shard"),
				List.of("posted", "reopened", "answered", "thanked"), dayRows);
		List<MapSqlParameterSource> topicRows = new ArrayList<>();
		topics.forEach((key, d) -> {
			if (d[0] != 0) {
				topicRows.add(new MapSqlParameterSource().addValue("shard", shard)
					.addValue("epoch_day", key.epochDay())
					.addValue("topic_id", key.topicId())
					.addValue("status", key.status())
					.addValue("posted", d[0]));
			}
		});
		upsert("stats_day_topic", List.of("epoch_day", "topic_id", "status", "shard"), List.of("posted"), topicRows);
		List<MapSqlParameterSource> resolvedRows = new ArrayList<>();
		resolved.forEach((day, d) -> {
			if (d[0] != 0) {
				resolvedRows.add(new MapSqlParameterSource().addValue("epoch_day", day)
					.addValue("shard", shard)
					.addValue("resolved", d[0]));
			}
		});
		upsert("stats_day_resolved", List.of("epoch_day", "shard"), List.of("resolved"), resolvedRows);
	}

	/**
	 * Adds the {@code counts} to the rows of {@code table} with the given {@code keys},
	 * creating them if needed: one batch (one round trip), the rows in the order given.
	 */
	private void upsert(String table, List<String> keys, List<String> counts, List<MapSqlParameterSource> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<String> columns = new ArrayList<>(keys);
		columns.addAll(counts);
		String sql;
		if (this.database.isPostgres()) {
			sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
					+ String.join(", ", columns.stream().map((c) -> ":" + c).toList()) + ") on conflict ("
					+ String.join(", ", keys) + ") do update set " + String.join(", ",
							counts.stream().map((c) -> c + " = " + table + "." + c + " + excluded." + c).toList());
		}
		else {
			sql = "merge into " + table + " t using (select "
					+ String.join(", ",
							columns.stream()
								.map((c) -> "cast(:" + c + " as " + TYPES.getOrDefault(c, "integer") + ") as " + c)
								.toList())
					+ ") s on " + String.join(" and ", keys.stream().map((k) -> "t." + k + " = s." + k).toList())
					+ " when matched then update set "
					+ String.join(", ", counts.stream().map((c) -> c + " = t." + c + " + s." + c).toList())
					+ " when not matched then insert (" + String.join(", ", columns) + ") values ("
					+ String.join(", ", columns.stream().map((c) -> "s." + c).toList()) + ")";
		}
		this.jdbc.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new));
	}

	/**
	 * One request's share of the roll-ups: the day it was posted, its status, flags and
	 * topics, and the day it was resolved if it is resolved now.
	 */
	private record Contribution(Integer epochDay, String status, boolean anonymous, boolean reopened, boolean answered,
			boolean thanked, Integer resolvedDay, List<Long> topics, Long teamId) {

		static final Contribution NONE = new Contribution(null, null, false, false, false, false, null, List.of(),
				null);

		Contribution withTopics(List<Long> topics) {
			return new Contribution(this.epochDay, this.status, this.anonymous, this.reopened, this.answered,
					this.thanked, this.resolvedDay, List.copyOf(topics), this.teamId);
		}

		void addTo(Map<DayKey, int[]> days, Map<TopicKey, int[]> topics, Map<Integer, int[]> resolved, int sign) {
			if (this.epochDay == null) {
				return;
			}
			int[] d = days.computeIfAbsent(new DayKey(this.epochDay, this.status, this.anonymous), (k) -> new int[4]);
			d[0] += sign;
			d[1] += this.reopened ? sign : 0;
			d[2] += this.answered ? sign : 0;
			d[3] += this.thanked ? sign : 0;
			for (Long topic : this.topics) {
				topics.computeIfAbsent(new TopicKey(this.epochDay, topic, this.status), (k) -> new int[1])[0] += sign;
			}
			if (this.resolvedDay != null) {
				resolved.computeIfAbsent(this.resolvedDay, (k) -> new int[1])[0] += sign;
			}
		}

	}

	private record DayKey(int epochDay, String status, boolean anonymous) {

		static final Comparator<DayKey> ORDER = Comparator.comparingInt(DayKey::epochDay)
			.thenComparing(DayKey::status)
			.thenComparing(DayKey::anonymous);

	}

	private record TopicKey(int epochDay, long topicId, String status) {

		static final Comparator<TopicKey> ORDER = Comparator.comparingInt(TopicKey::epochDay)
			.thenComparingLong(TopicKey::topicId)
			.thenComparing(TopicKey::status);

	}

}
