-- Manager statistics (issue 4): one narrow, time-ordered row per request with everything the statistics need,
-- kept up to date in the same transaction as every change (org.handraise.stats.StatsFacts, on the
-- RequestChanged event that HelpRequestService and ThanksService publish). Durations are in seconds as double
-- precision, exactly as the raw queries compute them: extract(epoch from later) - extract(epoch from posted).
create table stats_request (
    request_id bigint not null primary key,
    created_at timestamp with time zone not null,
    -- created_at and resolved_at as epoch seconds (weeks and ages without numeric arithmetic per row)
    created_epoch double precision not null,
    author_id bigint not null,
    anonymous boolean not null,
    status varchar(12) not null,
    resolved_at timestamp with time zone,
    resolved_epoch double precision,
    -- posting to the first offer (first_response_at)
    first_response_s double precision,
    -- posting to the first claim in the history
    first_claim_s double precision,
    -- posting to the resolution, when resolved now
    resolved_s double precision,
    -- posting to coalesce(resolved_at, cancelled_at), when resolved or cancelled now
    closed_s double precision,
    -- ever went back to OPEN from ANSWERED or RESOLVED
    reopened boolean not null,
    -- has a thank-you note
    thanked boolean not null
);
create index ix_stats_request_created on stats_request (created_at);
create index ix_stats_request_author_created on stats_request (author_id, anonymous, created_at);
create index ix_stats_request_resolved on stats_request (resolved_at);

-- One row per request and topic, with the request's posting time and figures the topic split needs.
create table stats_request_topic (
    request_id bigint not null,
    topic_id bigint not null,
    created_at timestamp with time zone not null,
    author_id bigint not null,
    anonymous boolean not null,
    status varchar(12) not null,
    constraint pk_stats_request_topic primary key (request_id, topic_id)
);
create index ix_stats_request_topic_created on stats_request_topic (created_at);

-- Helper activity in a period: index-only reads of claims and offers.
create index ix_request_events_claims on request_events (to_status, occurred_at, actor_id, request_id);
create index ix_offers_created_helper on offers (created_at, helper_id, accepted, request_id);

-- Backfill: every request's row from the raw tables (StatsFacts.refresh does the same for one request).
insert into stats_request (request_id, created_at, created_epoch, author_id, anonymous, status, resolved_at,
        resolved_epoch, first_response_s, first_claim_s, resolved_s, closed_s, reopened, thanked)
select r.id, r.created_at, cast(extract(epoch from r.created_at) as double precision), r.author_id, r.anonymous,
       r.status, r.resolved_at, cast(extract(epoch from r.resolved_at) as double precision),
       cast(extract(epoch from r.first_response_at) - extract(epoch from r.created_at) as double precision),
       cast(extract(epoch from c.first_claim) - extract(epoch from r.created_at) as double precision),
       case when r.status = 'RESOLVED' then cast(extract(epoch from r.resolved_at) - extract(epoch from r.created_at)
           as double precision) end,
       case when r.status in ('RESOLVED', 'CANCELLED') then cast(extract(epoch from coalesce(r.resolved_at,
           r.cancelled_at)) - extract(epoch from r.created_at) as double precision) end,
       ro.request_id is not null,
       th.request_id is not null
from help_requests r
left join (select e.request_id as request_id, min(e.occurred_at) as first_claim from request_events e
    where e.to_status = 'CLAIMED' group by e.request_id) c on c.request_id = r.id
left join (select distinct e.request_id as request_id from request_events e
    where e.to_status = 'OPEN' and e.from_status in ('ANSWERED', 'RESOLVED')) ro on ro.request_id = r.id
left join (select distinct n.request_id as request_id from thank_you_notes n
    where n.request_id is not null) th on th.request_id = r.id
order by r.created_at, r.id;

insert into stats_request_topic (request_id, topic_id, created_at, author_id, anonymous, status)
select rt.request_id, rt.topic_id, r.created_at, r.author_id, r.anonymous, r.status
from request_topics rt join help_requests r on r.id = rt.request_id
order by r.created_at, rt.request_id, rt.topic_id;
