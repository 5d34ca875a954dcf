-- The facts of a request (stats_request): one row with everything the statistics read about it, computed from the
-- raw tables. Durations are seconds as double precision: extract(epoch from later) - extract(epoch from posted).
-- The application runs it for one request on every change (org.handraise.stats.StatsFacts); the data generators
-- run it for every request (bench/derive-stats.sql sets :id to r.id). Parameters:
--   :id        the request
--   :keepTeam  true: record :team (the team kept from the request's earlier row, none for an anonymous request or
--              an author in no team); false: the author's team now (a request being posted, or a backfill)
--   :team      the kept team when :keepTeam is true
insert into stats_request (request_id, created_at, created_epoch, author_id, anonymous, status, resolved_at,
        resolved_epoch, first_response_s, first_claim_s, resolved_s, closed_s, reopened, thanked, team_id)
select r.id, r.created_at, cast(extract(epoch from r.created_at) as double precision), r.author_id, r.anonymous,
       r.status, r.resolved_at, cast(extract(epoch from r.resolved_at) as double precision),
       cast(extract(epoch from r.first_response_at) - extract(epoch from r.created_at) as double precision),
       cast(extract(epoch from (select min(e.occurred_at) from request_events e
           where e.request_id = r.id and e.kind = 'CLAIMED')) - extract(epoch from r.created_at) as double precision),
       case when r.status = 'RESOLVED' then cast(extract(epoch from r.resolved_at) - extract(epoch from r.created_at)
           as double precision) end,
       case when r.status in ('RESOLVED', 'CANCELLED') then cast(extract(epoch from coalesce(r.resolved_at,
           r.cancelled_at)) - extract(epoch from r.created_at) as double precision) end,
       exists (select 1 from request_events e where e.request_id = r.id and e.kind = 'REOPENED'),
       exists (select 1 from thank_you_notes n where n.request_id = r.id),
       case when cast(:keepTeam as boolean) then cast(:team as bigint)
           when r.anonymous then null
           else (select p.team_id from people p where p.id = r.author_id) end
from help_requests r
where r.id = :id
order by r.created_at, r.id;
