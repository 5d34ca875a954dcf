-- The statistics' derived tables, filled from the raw rows exactly as the migrations' backfills do
-- (V8__create_stats_facts.sql: per-request facts; V10__create_stats_rollups.sql: daily roll-ups;
-- V19__record_teams_for_stats.sql: the authors' teams and who was in which team when). The data
-- generators (bench/generate.sql, src/test/resources/benchmark/stats-data.sql) include this file after writing the
-- raw rows; the application keeps the tables up to date from then on (org.handraise.stats.StatsFacts).
truncate table stats_request, stats_request_topic, stats_day, stats_day_topic, stats_day_resolved, stats_membership;
insert into stats_membership (person_id, team_id, from_at, to_at)
select p.id, p.team_id, null, case when p.active then null else now() end from people p order by p.id;

insert into stats_request (request_id, created_at, created_epoch, author_id, anonymous, status, resolved_at,
        resolved_epoch, first_response_s, first_claim_s, resolved_s, closed_s, reopened, thanked, team_id)
select r.id, r.created_at, cast(extract(epoch from r.created_at) as double precision), r.author_id, r.anonymous,
       r.status, r.resolved_at, cast(extract(epoch from r.resolved_at) as double precision),
       cast(extract(epoch from r.first_response_at) - extract(epoch from r.created_at) as double precision),
       cast(extract(epoch from c.first_claim) - extract(epoch from r.created_at) as double precision),
       case when r.status = 'RESOLVED' then cast(extract(epoch from r.resolved_at) - extract(epoch from r.created_at)
           as double precision) end,
       case when r.status in ('RESOLVED', 'CANCELLED') then cast(extract(epoch from coalesce(r.resolved_at,
           r.cancelled_at)) - extract(epoch from r.created_at) as double precision) end,
       ro.request_id is not null,
       th.request_id is not null,
       case when r.anonymous then null else a.team_id end
from help_requests r
join people a on a.id = r.author_id
left join (select e.request_id as request_id, min(e.occurred_at) as first_claim from request_events e
    where e.to_status = 'CLAIMED' group by e.request_id) c on c.request_id = r.id
left join (select distinct e.request_id as request_id from request_events e
    where e.to_status = 'OPEN' and e.from_status in ('ANSWERED', 'RESOLVED')) ro on ro.request_id = r.id
left join (select distinct n.request_id as request_id from thank_you_notes n
    where n.request_id is not null) th on th.request_id = r.id
order by r.created_at, r.id;

insert into stats_request_topic (request_id, topic_id, created_at, author_id, anonymous, status, team_id)
select rt.request_id, rt.topic_id, r.created_at, r.author_id, r.anonymous, r.status,
       case when r.anonymous then null else a.team_id end
from request_topics rt join help_requests r on r.id = rt.request_id join people a on a.id = r.author_id
order by r.created_at, rt.request_id, rt.topic_id;

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
