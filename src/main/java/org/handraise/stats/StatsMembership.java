package org.handraise.stats;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.handraise.people.PersonChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps who was active, and in which team, when ({@code stats_membership}, see
 * {@code V19__record_teams_for_stats.sql}): one row per stretch of time a person was
 * active in one team or in none. On every {@link PersonChanged}, in the same transaction
 * as the change (a plain {@code @EventListener}), the person's open stretch is compared
 * with what the person is now: when they left their team, joined another or were
 * deactivated, it ends now; when they are active in a team (or none) that no open stretch
 * records, one begins now.
 * <p>
 * A person's first stretch begins when they were added ({@code created_at}), except for a
 * seeded person ({@link PersonChanged#seeded()}), whose data may be dated earlier: theirs
 * has no beginning, as the stretches of the people who existed when the table was made.
 */
@Component
class StatsMembership {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	StatsMembership(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void on(PersonChanged change) {
		List<Person> found = this.jdbc.query("""
				select p.id as id, p.team_id as team_id, p.active as active, p.created_at as created_at
				from people p where p.username = :username""", Map.of("username", change.username()),
				(rs, n) -> new Person(rs.getLong("id"), (Long) rs.getObject("team_id", Long.class),
						rs.getBoolean("active"), rs.getObject("created_at", OffsetDateTime.class)));
		if (found.isEmpty()) {
			return;
		}
		Person person = found.get(0);
		Map<String, Long> id = Map.of("id", person.id());
		List<Stretch> open = this.jdbc.query("""
				select m.id as id, m.team_id as team_id from stats_membership m where m.person_id = :id
				and m.to_at is null order by m.id""", id,
				(rs, n) -> new Stretch(rs.getLong("id"), (Long) rs.getObject("team_id", Long.class)));
		boolean current = person.active() && open.size() == 1 && Objects.equals(open.get(0).teamId(), person.teamId());
		if (current) {
			return;
		}
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		boolean recorded = !open.isEmpty() || this.jdbc
			.queryForObject("select count(*) from stats_membership m where m.person_id = :id", id, Long.class) > 0;
		if (!open.isEmpty()) {
			this.jdbc.update("update stats_membership set to_at = :now where person_id = :id and to_at is null",
					new MapSqlParameterSource("id", person.id()).addValue("now", now));
		}
		if (person.active()) {
			OffsetDateTime from = recorded ? now : (change.seeded() ? null : person.createdAt());
			this.jdbc.update("""
					insert into stats_membership (person_id, team_id, from_at, to_at)
					values (:id, :team, :from, null)""",
					new MapSqlParameterSource("id", person.id()).addValue("team", person.teamId(), Types.BIGINT)
						.addValue("from", from, Types.TIMESTAMP_WITH_TIMEZONE));
		}
	}

	private record Person(long id, Long teamId, boolean active, OffsetDateTime createdAt) {
	}

	private record Stretch(long id, Long teamId) {
	}

}
