-- "My requests" and "claimed by me", in the orders the home page and the list show them (issue 7). The author's
-- or claimer's index alone made these read every request the person ever wrote or held and sort them, which grew
-- with the data: at 1 M requests the home page's own list read 1,000 rows (5.7 ms, now 0.1 ms), and the list page
-- filtered to "mine", newest first, walked the whole creation-time index backwards (53 ms). These begin with the
-- person, so they also serve every look-up by author or claimer (foreign keys, counts) the old ones did.
create index ix_help_requests_author_created on help_requests (author_id, created_at desc, id desc);
create index ix_help_requests_author_updated on help_requests (author_id, updated_at desc, id desc);
create index ix_help_requests_claimer_created on help_requests (claimed_by_id, created_at desc, id desc);
create index ix_help_requests_claimer_updated on help_requests (claimed_by_id, updated_at desc, id desc);
drop index ix_help_requests_author;
drop index ix_help_requests_claimed_by;
