-- Manager statistics: the anonymous requests, read from the index alone, so that thank-you notes about them are left
-- out of per-person and team figures (a hash anti-join against this range instead of a scan of every fact row).
create index ix_stats_request_anonymous on stats_request (anonymous, request_id);
