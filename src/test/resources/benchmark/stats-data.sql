-- Realistic Handraise data of any size, for the statistics benchmark (PostgreSQL; the schema comes from Flyway).
-- EMPTIES the data tables first. Deterministic for a given size (setseed).
--
--   psql -h HOST -p PORT -U USER -d handraise -v requests=1000000 -v days=730 -f stats-data.sql
--
-- requests: how many help requests (default 100000); days: spread over this many days up to now (default 730).
-- People: one per 200 requests (at least 60) in 20 teams; every tenth is a mentor, every fiftieth a manager.
-- grace (manager, id 1) and boss (admin, id 2) sign in with the password "bench" ({noop}, so HTTP Basic costs
-- nothing and a benchmark measures the statistics, not the password hash).
-- Per request: 10 % anonymous; 1-2 of 30 topics; 45 % claimed by a mentor (log-uniform 1 min .. 2 days after
-- posting); 85 % get a first offer (log-uniform 1 min .. 3 days after the claim or the posting), 25 % a second
-- one; of those answered 80 % are resolved (70 % accepting the first offer), 3 % cancelled, the rest stay
-- answered; unanswered ones older than a week are mostly cancelled or resolved by the author; 3 % of resolved
-- ones were reopened once first; 40 % of resolved ones get a thank-you (70 % public), plus 5 % loose notes.
-- The history (request_events) holds every status change, as the application writes it.

\if :{?requests}
\else
  \set requests 100000
\endif
\if :{?days}
\else
  \set days 730
\endif
\set people (greatest(60,:requests/200))

\timing on
select setseed(0.42);

truncate table stats_membership, stats_day, stats_day_topic, stats_day_resolved, stats_request_topic, stats_request, spring_session_attributes, spring_session, thank_you_notes, request_events, offers, request_topics,
    help_requests, topics, person_skills, person_roles, people, teams restart identity cascade;

insert into teams (name) select 'Team ' || lpad(g::text, 2, '0') from generate_series(1, 20) g;

insert into topics (name)
select unnest(array['java', 'spring', 'sql', 'kubernetes', 'python', 'git', 'ci', 'android', 'ios', 'kotlin',
    'react', 'typescript', 'security', 'onboarding', 'docker', 'terraform', 'aws', 'testing', 'performance',
    'design', 'product', 'process', 'leadership', 'career', 'data', 'kafka', 'graphql', 'linux', 'networking',
    'observability']);

insert into people (username, display_name, email, password_hash, team_id, active, created_at)
select case g when 1 then 'grace' when 2 then 'boss' else 'user' || g end,
       case g when 1 then 'Grace Bench' when 2 then 'Boss Bench' else 'User ' || g end,
       'user' || g || '@bench.example', '{noop}bench',
       case when g <= 2 then null else 1 + (g % 20) end, (g <= 2 or g % 97 <> 0), now() - interval '3 years'
from generate_series(1, :people) g;

insert into person_roles (person_id, role) select id, 'EMPLOYEE' from people;
insert into person_roles (person_id, role) select id, 'MENTOR' from people where id > 2 and id % 10 = 3;
insert into person_roles (person_id, role) select id, 'MANAGER' from people where id = 1 or (id > 2 and id % 50 = 7);
insert into person_roles (person_id, role) values (2, 'ADMIN');

-- One row per request with every time and choice worked out.
create temp table gen as
with posted as (
    -- ids in posting order, as the application inserts them
    select row_number() over (order by t) as id, t as created_at
    from (select now() - random() * :days * interval '1 day' as t from generate_series(1, :requests)) p
), base as (
    select id, created_at,
           3 + floor(random() * (:people - 2))::int as author_id,
           random() < 0.10 as anonymous,
           random() as u_claim, random() as u_resp, random() as u_end, random() as u_reopen, random() as u_accept,
           exp(random() * ln(2880)) as claim_min, exp(random() * ln(4320)) as resp_min,
           exp(random() * ln(2880)) as end_min,
           3 + 10 * floor(random() * ((:people - 3) / 10))::int as mentor_pick,
           3 + floor(random() * (:people - 2))::int as peer_pick,
           3 + floor(random() * (:people - 2))::int as peer2_pick,
           1 + floor(random() * 30)::int as topic1, 1 + floor(random() * 30)::int as topic2,
           random() < 0.3 as two_topics, random() < 0.25 as second_offer, random() < 0.4 as thanked,
           random() < 0.7 as thanks_public
    from posted
), helpers as (
    select b.*,
           case when mentor_pick = author_id then mentor_pick + (case when mentor_pick + 10 <= :people then 10 else -10 end)
                else mentor_pick end as mentor_id,
           case when peer_pick = author_id then (case when peer_pick < :people then peer_pick + 1 else 3 end)
                else peer_pick end as peer_id,
           case when peer2_pick = author_id then (case when peer2_pick < :people then peer2_pick + 1 else 3 end)
                else peer2_pick end as peer2_id
    from base b
), claimed as (
    select h.*,
           case when u_claim < 0.45 and created_at + claim_min * interval '1 minute' < now()
                then created_at + claim_min * interval '1 minute' end as claim_at
    from helpers h
), answered as (
    select c.*,
           case when u_resp < 0.85 and coalesce(claim_at, created_at) + resp_min * interval '1 minute' < now()
                then coalesce(claim_at, created_at) + resp_min * interval '1 minute' end as response_at
    from claimed c
), ended as (
    select a.*,
           case when response_at is not null then
                    case when u_end < 0.80 and response_at + end_min * interval '1 minute' < now() then 'RESOLVED'
                         when u_end >= 0.80 and u_end < 0.83 and response_at + end_min * interval '1 minute' < now() then 'CANCELLED'
                         else 'ANSWERED' end
                when created_at < now() - interval '7 days' and u_end < 0.5 then 'CANCELLED'
                when created_at < now() - interval '7 days' and u_end < 0.7 then 'RESOLVED'
                when claim_at is not null then 'CLAIMED'
                else 'OPEN' end as status
    from answered a
)
select e.*,
       case when status in ('RESOLVED', 'CANCELLED')
            then least(now(), coalesce(response_at, claim_at, created_at) + end_min * interval '1 minute') end as end_at,
       (status = 'RESOLVED' and response_at is not null and u_reopen < 0.03) as reopened,
       coalesce(case when claim_at is not null then mentor_id end, peer_id) as first_helper_id
from ended e;

-- A reopened request lost its claim (reopen clears it), was resolved once halfway, reopened a minute later,
-- and then resolved again by its author.
insert into help_requests (id, title, details, tried_so_far, urgency, anonymous, status, author_id, claimed_by_id,
    created_at, claimed_at, first_response_at, resolved_at, cancelled_at, updated_at, version)
select id, 'Request ' || id || ' about ' || topic1, 'Generated for the statistics benchmark.', null,
       case when id % 10 = 0 then 'HIGH' when id % 10 < 3 then 'LOW' else 'NORMAL' end, anonymous, status, author_id,
       case when claim_at is not null and not reopened then mentor_id end,
       created_at, case when not reopened then claim_at end, response_at,
       case when status = 'RESOLVED' then end_at end, case when status = 'CANCELLED' then end_at end,
       coalesce(end_at, response_at, claim_at, created_at), 0
from gen order by id;
select setval(pg_get_serial_sequence('help_requests', 'id'), (select max(id) from help_requests));

insert into request_topics (request_id, topic_id)
select id, topic from (
    select id, topic1 as topic from gen
    union all
    select id, topic2 from gen where two_topics and topic2 <> topic1) t
order by id;

-- The history, in the order the application writes it (by time), each line's kind as the application records it.
insert into request_events (request_id, actor_id, kind, from_status, to_status, occurred_at)
select request_id, actor_id,
       case when from_status is null then 'POSTED' when to_status = 'CLAIMED' then 'CLAIMED'
            when to_status = 'ANSWERED' then 'OFFERED' when to_status = 'RESOLVED' then 'RESOLVED'
            when to_status = 'CANCELLED' then 'CANCELLED' else 'REOPENED' end,
       from_status, to_status, occurred_at from (
select id as request_id, author_id as actor_id, null as from_status, 'OPEN' as to_status, created_at as occurred_at from gen
union all
select id, mentor_id, 'OPEN', 'CLAIMED', claim_at from gen where claim_at is not null
union all
select id, first_helper_id, case when claim_at is not null then 'CLAIMED' else 'OPEN' end, 'ANSWERED', response_at
from gen where response_at is not null
union all
select id, author_id, 'ANSWERED', 'RESOLVED', response_at + (end_at - response_at) / 2 from gen where reopened
union all
select id, author_id, 'RESOLVED', 'OPEN', response_at + (end_at - response_at) / 2 + interval '1 minute'
from gen where reopened
union all
select id, author_id,
       case when reopened then 'OPEN' when response_at is not null then 'ANSWERED'
            when claim_at is not null then 'CLAIMED' else 'OPEN' end,
       status, end_at
from gen where status in ('RESOLVED', 'CANCELLED')) h
order by occurred_at, request_id;

insert into offers (request_id, helper_id, message, accepted, created_at)
select request_id, helper_id, message, accepted, created_at from (
select id as request_id, first_helper_id as helper_id, 'Here is how I would do it.' as message,
       (status = 'RESOLVED' and u_accept < 0.7) as accepted, response_at as created_at
from gen where response_at is not null
union all
select id, peer2_id, 'Another way to look at it.', false, response_at + interval '30 minutes'
from gen
where response_at is not null and second_offer and peer2_id <> first_helper_id
  and response_at + interval '30 minutes' < coalesce(end_at, now())) o
order by created_at, request_id;

insert into thank_you_notes (from_id, to_id, request_id, message, is_public, created_at)
select from_id, to_id, request_id, message, is_public, created_at from (
select author_id as from_id, first_helper_id as to_id, id as request_id, 'Thank you for the help!' as message,
       thanks_public as is_public, end_at + interval '10 minutes' as created_at
from gen where status = 'RESOLVED' and response_at is not null and thanked and end_at + interval '10 minutes' < now()
union all
select peer_id, peer2_id, null, 'Thanks for your help this week.', thanks_public, created_at
from gen where id % 20 = 0 and peer_id <> peer2_id) n
order by created_at;

-- The statistics' derived tables (facts and daily roll-ups), as the migrations' backfills fill them.
\ir ../../../../bench/derive-stats.sql

vacuum analyze;

select (select count(*) from people) as people, (select count(*) from help_requests) as requests,
       (select count(*) from request_events) as events, (select count(*) from offers) as offers,
       (select count(*) from thank_you_notes) as notes, (select count(*) from stats_request) as facts;
select status, count(*) from help_requests group by status order by 2 desc;
