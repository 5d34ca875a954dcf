-- What each line of a request's history records: the kind of change (a status alone does not say it: withdrawing
-- the only offer also moves a request back to OPEN or CLAIMED, and a claim can be released while the request stays
-- ANSWERED), and a note where the person gave one (the reason for reopening).
alter table request_events add column kind varchar(16);
update request_events set kind = case
    when from_status is null then 'POSTED'
    when to_status = 'CLAIMED' then 'CLAIMED'
    when to_status = 'ANSWERED' then 'OFFERED'
    when to_status = 'RESOLVED' then 'RESOLVED'
    when to_status = 'CANCELLED' then 'CANCELLED'
    when from_status = 'CLAIMED' then 'RELEASED'
    else 'REOPENED' end;
alter table request_events alter column kind set not null;
alter table request_events add column note varchar(500);

-- Claims are counted by kind; the index stays covering for the helper statistics.
drop index ix_request_events_claims;
create index ix_request_events_claims on request_events (kind, occurred_at, actor_id, request_id);

-- When a helper last changed their offer (null: never).
alter table offers add column edited_at timestamp with time zone;
