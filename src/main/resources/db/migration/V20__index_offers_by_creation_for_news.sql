-- The home page's "since your last visit" reads the newest offers made after a time and keeps those on the
-- person's requests: walked newest first, this index also holds each offer's request and helper, so the walk
-- reads no table rows until it joins the requests. It replaces the plain index on created_at, which it covers.
create index ix_offers_created_request on offers (created_at, id, request_id, helper_id);
drop index ix_offers_created;
