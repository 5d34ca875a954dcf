-- The statistics' derived tables, filled from the raw rows: the facts with the application's own SQL, the daily
-- roll-ups and who was in which team when as the migrations' backfills compute them (V10__create_stats_rollups.sql,
-- V19__record_teams_for_stats.sql); StatsFactsSourcesTests proves the rows equal the migrations' and the
-- application's. The data generators (bench/generate.sql, src/test/resources/benchmark/stats-data.sql) include this
-- file after writing the raw rows; the application keeps the tables up to date from then on.
truncate table stats_request, stats_request_topic, stats_day, stats_day_topic, stats_day_resolved, stats_membership;
insert into stats_membership (person_id, team_id, from_at, to_at)
select p.id, p.team_id, null, case when p.active then null else now() end from people p order by p.id;

-- The facts: the application's own statements (org.handraise.stats.StatsFacts), for every request at once. They
-- look up each request's first claim, reopening and notes by index, which the planner chooses only with statistics
-- of the freshly written rows.
analyze help_requests, request_events, thank_you_notes, people;
\set id r.id
\set keepTeam false
\set team null
\ir ../src/main/resources/org/handraise/stats/request-facts.sql
\ir ../src/main/resources/org/handraise/stats/request-topic-facts.sql
\unset id
\unset keepTeam
\unset team

insert into stats_day (epoch_day, status, anonymous, posted, reopened, answered, thanked, shard)
select cast(floor(f.created_epoch / 86400) as integer), f.status, f.anonymous, count(*),
       sum(case when f.reopened then 1 else 0 end),
       sum(case when f.first_response_s is not null or f.status = 'RESOLVED' or f.reopened then 1 else 0 end),
       sum(case when f.thanked then 1 else 0 end), 0
from stats_request f
group by cast(floor(f.created_epoch / 86400) as integer), f.status, f.anonymous;

insert into stats_day_topic (epoch_day, topic_id, status, posted, shard)
select cast(floor(f.created_epoch / 86400) as integer), x.topic_id, x.status, count(*), 0
from stats_request_topic x join stats_request f on f.request_id = x.request_id
group by cast(floor(f.created_epoch / 86400) as integer), x.topic_id, x.status;

insert into stats_day_resolved (epoch_day, resolved, shard)
select cast(floor(f.resolved_epoch / 86400) as integer), count(*), 0
from stats_request f
where f.status = 'RESOLVED'
group by cast(floor(f.resolved_epoch / 86400) as integer);
