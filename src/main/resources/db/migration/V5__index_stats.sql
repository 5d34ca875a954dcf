-- Manager statistics: the range filters the existing indexes do not cover.
-- Resolutions per week: status = 'RESOLVED' and resolved_at in the period.
create index ix_help_requests_status_resolved on help_requests (status, resolved_at);
-- Thank-you notes sent in the period (the existing index leads with is_public).
create index ix_thank_you_notes_created on thank_you_notes (created_at);
-- Reopens (to OPEN from ANSWERED or RESOLVED) since a day: a few rows, not every request's history.
create index ix_request_events_transition_at on request_events (to_status, from_status, occurred_at);
