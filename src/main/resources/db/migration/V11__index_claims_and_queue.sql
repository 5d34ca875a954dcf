-- Manager statistics (issue 4): claims held now, per helper and by claim time, read from the index alone (the
-- backlog's stale claims and the helpers' current load).
create index ix_help_requests_claims on help_requests (status, claimed_by_id, claimed_at);

-- The mentor queue's first requests (home page suggestions): open requests by urgency, oldest first.
create index ix_help_requests_queue on help_requests (status, urgency, created_at, id);
