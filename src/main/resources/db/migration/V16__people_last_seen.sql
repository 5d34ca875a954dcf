-- When each person last opened their home page, so that it can show what is new since their previous visit.
-- Written at most once every few minutes per person (see PeopleService.markSeen); null before the first visit.
alter table people add column last_seen_at timestamp with time zone;
