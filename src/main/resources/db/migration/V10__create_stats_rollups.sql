-- Manager statistics (issue 4): daily roll-ups of the per-request facts (stats_request, stats_request_topic) for
-- the figures that need no per-person detail: volume by status, the topic split and the weekly series of the
-- whole organisation. Days are UTC epoch days (floor(epoch seconds / 86400)). org.handraise.stats.StatsFacts
-- keeps them in step in the same transaction as every change, by adding the difference between a request's
-- contribution before and after the change (an upsert per touched row, so concurrent changes of the same day
-- never lose an update); StatsFactsConsistencyTests proves they always equal the grouped facts.
--
-- Every row also has a shard (0-15): a change adds to the rows of shard request_id % 16, so concurrent changes of
-- today's requests wait for each other's row locks only one time in sixteen instead of every time (a counter row
-- that every writer updates would let only one transaction commit at a time). Readers sum over the shards; the
-- backfill puts everything in shard 0 (any split gives the same sums).

-- Requests by the day they were posted, their status now and whether they are anonymous.
create table stats_day (
    epoch_day integer not null,
    status varchar(12) not null,
    anonymous boolean not null,
    posted integer not null,
    -- ever went back to OPEN from ANSWERED or RESOLVED
    reopened integer not null,
    -- got an offer, is resolved, or was reopened: answered or resolved at some time
    answered integer not null,
    -- has a thank-you note
    thanked integer not null,
    shard smallint not null,
    constraint pk_stats_day primary key (epoch_day, status, anonymous, shard)
);

-- Requests by the day they were posted, topic and status now.
create table stats_day_topic (
    epoch_day integer not null,
    topic_id bigint not null,
    status varchar(12) not null,
    posted integer not null,
    shard smallint not null,
    constraint pk_stats_day_topic primary key (epoch_day, topic_id, status, shard)
);

-- Requests resolved now, by the day of their resolution.
create table stats_day_resolved (
    epoch_day integer not null,
    resolved integer not null,
    shard smallint not null,
    constraint pk_stats_day_resolved primary key (epoch_day, shard)
);

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
