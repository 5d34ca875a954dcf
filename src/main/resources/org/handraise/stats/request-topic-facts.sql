-- The topic facts of a request (stats_request_topic): one row per topic, with the request's posting time, author,
-- status and the team its facts record. Run after request-facts.sql, for the same :id (one request in the
-- application, r.id in the data generators).
insert into stats_request_topic (request_id, topic_id, created_at, author_id, anonymous, status, team_id)
select rt.request_id, rt.topic_id, r.created_at, r.author_id, r.anonymous, r.status, f.team_id
from request_topics rt join help_requests r on r.id = rt.request_id join stats_request f on f.request_id = r.id
where rt.request_id = :id
order by r.created_at, rt.request_id, rt.topic_id;
