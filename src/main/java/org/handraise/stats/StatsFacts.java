package org.handraise.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * tables with {@code request-facts.sql} and {@code request-topic-facts.sql} (resources
 * next to this class), the SQL that {@code bench/derive-stats.sql} runs for every
 * request; the migrations' backfills compute the same rows ({@code StatsFactsSourcesIT}).
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

	/**
	 * A request's facts ({@code request-facts.sql}), the same SQL the data generators run
	 * for every request.
	 */
	private static final String FACT = sql("request-facts.sql");

	/** A request's topic facts ({@code request-topic-facts.sql}), likewise. */
	private static final String TOPICS = sql("request-topic-facts.sql");

	private static final String CONTRIBUTION = """
			select f.created_epoch as created_epoch, f.status as status, f.team_id as team_id,
			  f.anonymous as anonymous, f.reopened as reopened, f.thanked as thanked,
			  case when f.first_response_s is not null or f.status = 'RESOLVED' or f.reopened then true else false end
			    as answered,
			  f.resolved_epoch as resolved_epoch, x.topic_id as topic_id
			from stats_request f
			left join stats_request_topic x on x.request_id = f.request_id
			where f.request_id = :id
			order by x.topic_id
			""";

	private static final long DAY = 86_400;

	/**
	 * Locks a request's row on PostgreSQL, leaving its key free for foreign key checks.
	 */
	private static final String LOCK_NO_KEY = "select id from help_requests where id = :id for no key update";

	/** The same elsewhere. */
	private static final String LOCK = "select id from help_requests where id = :id for update";

	/** Adds to a row of {@code stats_day} (PostgreSQL), creating it if needed. */
	private static final String ADD_DAY = """
			insert into stats_day (epoch_day, status, anonymous, shard, posted, reopened, answered, thanked)
			values (:epoch_day, :status, :anonymous, :shard, :posted, :reopened, :answered, :thanked)
			on conflict (epoch_day, status, anonymous, shard) do update set
			  posted = stats_day.posted + excluded.posted, reopened = stats_day.reopened + excluded.reopened,
			  answered = stats_day.answered + excluded.answered, thanked = stats_day.thanked + excluded.thanked
			""";

	/**
	 * The same with {@code merge} (H2), whose source row needs the columns' types.
	 */
	private static final String MERGE_DAY = """
			merge into stats_day t
			using (select cast(:epoch_day as integer) as epoch_day, cast(:status as varchar(12)) as status,
			  cast(:anonymous as boolean) as anonymous, cast(:shard as smallint) as shard,
			  cast(:posted as integer) as posted, cast(:reopened as integer) as reopened,
			  cast(:answered as integer) as answered, cast(:thanked as integer) as thanked) s
			on t.epoch_day = s.epoch_day and t.status = s.status and t.anonymous = s.anonymous and t.shard = s.shard
			when matched then update set posted = t.posted + s.posted, reopened = t.reopened + s.reopened,
			  answered = t.answered + s.answered, thanked = t.thanked + s.thanked
			when not matched then insert (epoch_day, status, anonymous, shard, posted, reopened, answered, thanked)
			  values (s.epoch_day, s.status, s.anonymous, s.shard, s.posted, s.reopened, s.answered, s.thanked)
			""";

	private static final String ADD_DAY_TOPIC = """
			insert into stats_day_topic (epoch_day, topic_id, status, shard, posted)
			values (:epoch_day, :topic_id, :status, :shard, :posted)
			on conflict (epoch_day, topic_id, status, shard) do update set
			  posted = stats_day_topic.posted + excluded.posted
			""";

	private static final String MERGE_DAY_TOPIC = """
			merge into stats_day_topic t
			using (select cast(:epoch_day as integer) as epoch_day, cast(:topic_id as bigint) as topic_id,
			  cast(:status as varchar(12)) as status, cast(:shard as smallint) as shard,
			  cast(:posted as integer) as posted) s
			on t.epoch_day = s.epoch_day and t.topic_id = s.topic_id and t.status = s.status and t.shard = s.shard
			when matched then update set posted = t.posted + s.posted
			when not matched then insert (epoch_day, topic_id, status, shard, posted)
			  values (s.epoch_day, s.topic_id, s.status, s.shard, s.posted)
			""";

	private static final String ADD_DAY_RESOLVED = """
			insert into stats_day_resolved (epoch_day, shard, resolved)
			values (:epoch_day, :shard, :resolved)
			on conflict (epoch_day, shard) do update set resolved = stats_day_resolved.resolved + excluded.resolved
			""";

	private static final String MERGE_DAY_RESOLVED = """
			merge into stats_day_resolved t
			using (select cast(:epoch_day as integer) as epoch_day, cast(:shard as smallint) as shard,
			  cast(:resolved as integer) as resolved) s
			on t.epoch_day = s.epoch_day and t.shard = s.shard
			when matched then update set resolved = t.resolved + s.resolved
			when not matched then insert (epoch_day, shard, resolved) values (s.epoch_day, s.shard, s.resolved)
			""";

	/**
	 * Rows per roll-up key: a request's changes go to shard {@code id % SHARDS} (see
	 * V10).
	 */
	static final int SHARDS = 16;

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
		this.jdbc.queryForList(this.database.isPostgres() ? LOCK_NO_KEY : LOCK, params, Long.class);
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
		// a request being posted records its author's team now; every later change keeps
		// the team recorded then
		this.jdbc.update(FACT,
				new MapSqlParameterSource("id", id).addValue("keepTeam", before.epochDay() != null, Types.BOOLEAN)
					.addValue("team", before.teamId(), Types.BIGINT));
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
		add(ADD_DAY, MERGE_DAY, dayRows);
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
		add(ADD_DAY_TOPIC, MERGE_DAY_TOPIC, topicRows);
		List<MapSqlParameterSource> resolvedRows = new ArrayList<>();
		resolved.forEach((day, d) -> {
			if (d[0] != 0) {
				resolvedRows.add(new MapSqlParameterSource().addValue("epoch_day", day)
					.addValue("shard", shard)
					.addValue("resolved", d[0]));
			}
		});
		add(ADD_DAY_RESOLVED, MERGE_DAY_RESOLVED, resolvedRows);
	}

	/**
	 * Adds the {@code rows}' counts to their roll-up rows, creating them if needed, with
	 * {@code upsert} on PostgreSQL and {@code merge} elsewhere: one batch (one round
	 * trip), the rows in the order given.
	 */
	private void add(String upsert, String merge, List<MapSqlParameterSource> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(this.database.isPostgres() ? upsert : merge, rows.toArray(MapSqlParameterSource[]::new));
	}

	/**
	 * The statement in resource {@code name} next to this class, without its final
	 * semicolon.
	 */
	private static String sql(String name) {
		try (InputStream in = StatsFacts.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("No resource " + name);
			}
			String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
			return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
