-- Handraise benchmark data: fills an EMPTY, Flyway-migrated database.
--
--   psql -v size=100000 -v ON_ERROR_STOP=1 -f bench/generate.sql "postgresql://postgres@127.0.0.1:55433/handraise_bench"
--
-- size (default 100000) help requests over the last 365 days, with their topics, offers, history
-- (request_events that agree with each request's status and times) and thank-you notes, across 1,000 people
-- in 20 teams and 40 topics. Everything is set-based (generate_series), so 1,000,000 requests take minutes.
-- The data is reproducible (setseed) apart from being anchored at now().
--
-- People: user0001 .. user1000, all with the password "handraise-bench" (a precomputed bcrypt hash, cost 10,
-- with the {bcrypt} prefix the delegating password encoder needs). Everyone is an EMPLOYEE;
-- every person whose id ends in 1 (user0001, user0011, ... user0991: 100 people) is a MENTOR with three skills;
-- id % 50 = 2 (user0002, user0052, ...: 20 people) is a MANAGER; user0001 is also ADMIN.

\if :{?size}
\else
\set size 100000
\endif
\set ON_ERROR_STOP 1
\timing off

do $$
begin
	if exists (select 1 from people) or exists (select 1 from help_requests) then
		raise exception 'the database is not empty: generate.sql only fills an empty, migrated database';
	end if;
end
$$;

\o /dev/null
begin;
select setseed(0.20261125);

-- --- teams, topics, people -------------------------------------------------------------------------------

insert into teams (id, name)
select i, (array['Platform','Mobile','Payments','Search','Data','Identity','Growth','Checkout','Infrastructure',
	'Security','Design Systems','Analytics','Messaging','Billing','Support Tools','Onboarding','Integrations',
	'Reliability','Marketplace','Internal Tools'])[i]
from generate_series(1, 20) i;

insert into topics (id, name)
select i, (array['java','spring','sql','postgresql','kubernetes','docker','react','typescript','python','go',
	'rust','kotlin','gradle','maven','git','ci','terraform','aws','gcp','azure','security','oauth','kafka','redis',
	'elasticsearch','graphql','rest','testing','performance','linux','networking','css','html','android','ios',
	'flyway','hibernate','jvm','observability','design'])[i]
from generate_series(1, 40) i;

insert into people (id, username, display_name, email, password_hash, team_id, availability, active, created_at,
	version)
select i,
	'user' || lpad(i::text, 4, '0'),
	(array['Alice','Bob','Carla','Deepak','Elena','Farid','Grace','Hiro','Ines','Jonas','Kemal','Lena','Mateo',
		'Nadia','Omar','Priya','Quinn','Rosa','Sven','Tara'])[1 + i % 20] || ' '
		|| (array['Andersen','Baker','Costa','Dubois','Eriksen','Fischer','Garcia','Hansen','Ito','Jensen',
		'Kowalski','Larsen','Moreau','Novak','Olsen','Petrov','Quispe','Rossi','Silva','Tanaka','Ueda','Varga',
		'Weber','Xu','Yilmaz','Zimmer','Adeyemi','Berg','Chen','Diaz','Evans','Fontaine','Gupta','Horvat',
		'Ibrahim','Jovanovic','Kim','Lopez','Meyer','Nguyen','Okafor','Park','Quinn','Reyes','Schmidt','Torres',
		'Usman','Vogel','Wagner','Young'])[1 + (i / 20) % 50],
	'user' || lpad(i::text, 4, '0') || '@example.com',
	'{bcrypt}$2a$10$SpjrwGxiTF5rBLQ5/g5JJOG2A/7iUGfwljnVJ6sDZaLXFs978CrBq',
	1 + i % 20,
	case when i % 10 = 1 then 'Mornings, CET' end,
	true,
	now() - interval '400 days',
	0
from generate_series(1, 1000) i;

insert into person_roles (person_id, role) select i, 'EMPLOYEE' from generate_series(1, 1000) i;
insert into person_roles (person_id, role) select i, 'MENTOR' from generate_series(1, 1000) i where i % 10 = 1;
insert into person_roles (person_id, role) select i, 'MANAGER' from generate_series(1, 1000) i where i % 50 = 2;
insert into person_roles (person_id, role) values (1, 'ADMIN');

-- mentors know three topics each: their own, +7 and +14 (mod 40)
insert into person_skills (person_id, skill)
select p.i, t.name
from generate_series(1, 1000) p(i)
cross join generate_series(0, 2) k
join topics t on t.id = 1 + ((p.i / 10) + 7 * k) % 40
where p.i % 10 = 1;

-- --- the requests, decided in one unlogged work table ----------------------------------------------------
-- Times: a request's life is squeezed into the time left before now(), so nothing is in the future.

create unlogged table bench_r as
with base as (
	select g as id,
		now() - interval '365 days' * ((:size - g + random()) / :size) as created_at,
		1 + floor(random() * 1000)::int as author_id,
		random() as r_status, random() as r_claim, random() as r_offer, random() as r_misc,
		random() as r_t1, random() as r_t2, random() as r_t3, random() as r_t4,
		floor(random() * 100)::int * 10 + 1 as mentor_raw,
		1 + floor(random() * 1000)::int as h1_raw,
		1 + floor(random() * 1000)::int as h2_raw,
		1 + floor(random() * 1000)::int as h3_raw,
		1 + floor(random() * 40)::int as topic1,
		1 + floor(random() * 3)::int as topic_count
	from generate_series(1, :size) g
), st as (
	select b.*,
		case when b.created_at > now() - interval '14 days' then
			case when r_status < 0.30 then 'OPEN' when r_status < 0.45 then 'CLAIMED'
				when r_status < 0.70 then 'ANSWERED' when r_status < 0.95 then 'RESOLVED' else 'CANCELLED' end
		else
			case when r_status < 0.03 then 'OPEN' when r_status < 0.05 then 'CLAIMED'
				when r_status < 0.15 then 'ANSWERED' when r_status < 0.88 then 'RESOLVED' else 'CANCELLED' end
		end as status
	from base b
), flags as (
	select s.*,
		(s.status = 'CLAIMED' or (s.status in ('ANSWERED', 'RESOLVED', 'CANCELLED') and s.r_claim < 0.5)) as claimed,
		case when s.status = 'ANSWERED' or (s.status = 'RESOLVED' and s.r_offer < 0.85)
				or (s.status = 'CANCELLED' and s.r_offer < 0.25)
			then 1 + (s.r_misc < 0.35)::int + (s.r_misc < 0.12)::int else 0 end as offer_count,
		case when s.mentor_raw = s.author_id then 1 + (s.mentor_raw + 9) % 1000 else s.mentor_raw end as claimer,
		case when s.h1_raw = s.author_id then 1 + s.h1_raw % 1000 else s.h1_raw end as h1,
		case when s.h2_raw = s.author_id then 1 + s.h2_raw % 1000 else s.h2_raw end as h2,
		case when s.h3_raw = s.author_id then 1 + s.h3_raw % 1000 else s.h3_raw end as h3
	from st s
), t1 as (
	select f.*,
		case when f.claimed then f.created_at + least(interval '1 day', (now() - f.created_at) * 0.3) * f.r_t1 end
			as claimed_at
	from flags f
), t2 as (
	select t.*,
		case when t.offer_count > 0 then coalesce(t.claimed_at, t.created_at)
			+ least(interval '2 days', (now() - coalesce(t.claimed_at, t.created_at)) * 0.3) * t.r_t2 end
			as first_response_at
	from t1 t
), t3 as (
	select t.*,
		case when t.status in ('RESOLVED', 'CANCELLED') then
			greatest(t.created_at, t.claimed_at, t.first_response_at)
			+ least(interval '5 days', (now() - greatest(t.created_at, t.claimed_at, t.first_response_at)) * 0.4)
				* t.r_t3 end as closed_at
	from t2 t
)
select t.id, t.created_at, t.author_id, t.status, t.claimed, t.offer_count, t.claimer,
	-- the first offer comes from the claimer when there is one, else from anyone but the author
	case when t.claimed then t.claimer else t.h1 end as helper1, t.h2 as helper2, t.h3 as helper3,
	t.topic1, t.topic_count, t.claimed_at, t.first_response_at,
	case when t.status = 'RESOLVED' then t.closed_at end as resolved_at,
	case when t.status = 'CANCELLED' then t.closed_at end as cancelled_at,
	case when t.offer_count >= 2 then t.first_response_at
		+ (coalesce(t.closed_at, now()) - t.first_response_at) * (0.5 * t.r_t4) end as offer2_at,
	case when t.offer_count >= 3 then t.first_response_at
		+ (coalesce(t.closed_at, now()) - t.first_response_at) * (0.6 + 0.3 * t.r_t4) end as offer3_at,
	t.r_misc, t.r_t4
from t3 t;

insert into help_requests (id, title, details, tried_so_far, urgency, anonymous, status, author_id, claimed_by_id,
	created_at, claimed_at, first_response_at, resolved_at, cancelled_at, updated_at, version)
select r.id,
	left((array['How do I','Why does','Help with','Stuck on','Best way to handle','Cannot get','Question about',
		'Review needed for','Slow','Flaky'])[1 + r.id % 10] || ' ' || tp.name || ' '
		|| (array['in our build','on staging','after the upgrade','in production','with the new service',
		'locally but not in CI','for the migration','under load'])[1 + (r.id / 10) % 8] || ' (#' || r.id || ')', 120),
	'We are seeing a problem with ' || tp.name || ' ' || (array['since Monday','after the last release',
		'only on some machines','every few hours','when the cache is cold'])[1 + r.id % 5]
		|| '. The logs show nothing obvious and the runbook did not cover it. Steps so far are in the ticket; '
		|| 'a pointer to the right approach, or half an hour with someone who knows ' || tp.name
		|| ', would unblock the team. Request ' || r.id || '.',
	case when r.id % 2 = 0 then 'Read the docs, searched the wiki, restarted the service and compared the '
		|| 'configuration with another environment.' end,
	case when r.r_t4 < 0.2 then 'LOW' when r.r_t4 < 0.8 then 'NORMAL' else 'HIGH' end,
	(r.id % 20 = 7),
	r.status, r.author_id,
	case when r.claimed then r.claimer end,
	r.created_at, r.claimed_at, r.first_response_at, r.resolved_at, r.cancelled_at,
	greatest(r.created_at, r.claimed_at, r.first_response_at, r.offer2_at, r.offer3_at, r.resolved_at,
		r.cancelled_at),
	0
from bench_r r
join topics tp on tp.id = r.topic1;

insert into request_topics (request_id, topic_id)
select r.id, 1 + (r.topic1 - 1 + 7 * k) % 40
from bench_r r cross join generate_series(0, 2) k
where k < r.topic_count;

-- --- offers ------------------------------------------------------------------------------------------------

insert into offers (request_id, helper_id, message, accepted, created_at)
select r.id, o.helper, o.message, o.accepted, o.at
from bench_r r
cross join lateral (values
	(1, r.helper1, r.first_response_at, r.status = 'RESOLVED' and r.r_misc < 0.7,
		'Happy to help: I had the same issue last quarter. Let us pair on it for half an hour today.'),
	(2, r.helper2, r.offer2_at, false, 'Have you checked the configuration of the staging cluster? That was it for us.'),
	(3, r.helper3, r.offer3_at, false, 'Another idea: the timeout is lower in that environment. Ping me if it is not that.')
) as o(n, helper, at, accepted, message)
where o.n <= r.offer_count;

-- --- history: one event per change of status, matching the request's times ---------------------------------

insert into request_events (request_id, actor_id, kind, from_status, to_status, occurred_at)
select r.id, e.actor, e.kind, e.from_status, e.to_status, e.at
from bench_r r
cross join lateral (values
	(1, true, r.author_id, 'POSTED', null::varchar, 'OPEN', r.created_at),
	(2, r.claimed, r.claimer, 'CLAIMED', 'OPEN', 'CLAIMED', r.claimed_at),
	(3, r.offer_count > 0, r.helper1, 'OFFERED', case when r.claimed then 'CLAIMED' else 'OPEN' end, 'ANSWERED',
		r.first_response_at),
	(4, r.status in ('RESOLVED', 'CANCELLED'), r.author_id, r.status,
		case when r.offer_count > 0 then 'ANSWERED' when r.claimed then 'CLAIMED' else 'OPEN' end, r.status,
		coalesce(r.resolved_at, r.cancelled_at))
) as e(n, happened, actor, kind, from_status, to_status, at)
where e.happened
order by r.id, e.n;

-- --- thank-you notes: 40 % of resolved requests with an offer thank the first helper ----------------------

insert into thank_you_notes (from_id, to_id, request_id, message, is_public, created_at)
select r.author_id, r.helper1, r.id,
	'Thank you for the help with request ' || r.id || ', it saved us a day.',
	r.r_t4 < 0.7,
	least(now(), r.resolved_at + interval '10 minutes')
from bench_r r
where r.status = 'RESOLVED' and r.offer_count > 0 and r.r_misc < 0.4;

-- --- identity sequences after explicit ids -----------------------------------------------------------------

select setval(pg_get_serial_sequence('teams', 'id'), (select max(id) from teams));
select setval(pg_get_serial_sequence('topics', 'id'), (select max(id) from topics));
select setval(pg_get_serial_sequence('people', 'id'), (select max(id) from people));
select setval(pg_get_serial_sequence('help_requests', 'id'), (select max(id) from help_requests));

drop table bench_r;

-- The statistics' derived tables (facts and daily roll-ups), as the migrations' backfills fill them.
\ir derive-stats.sql
commit;
\o

vacuum analyze;

select (select count(*) from help_requests) as requests, (select count(*) from offers) as offers,
	(select count(*) from request_events) as events, (select count(*) from thank_you_notes) as notes,
	(select count(*) from request_topics) as request_topics, (select count(*) from people) as people;
