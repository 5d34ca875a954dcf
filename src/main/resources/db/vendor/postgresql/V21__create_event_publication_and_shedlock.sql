-- The event publication registry (Spring Modulith's JDBC outbox, schema version 2 as spring-modulith-events-jdbc
-- 2.0.3 ships it for PostgreSQL): one row per event and listener, written in the transaction that publishes the
-- event, completed when the listener succeeds. A hash index, because a serialized event can outgrow a b-tree entry.
create table event_publication (
    id uuid not null,
    listener_id text not null,
    event_type text not null,
    serialized_event text not null,
    publication_date timestamp with time zone not null,
    completion_date timestamp with time zone,
    status text,
    completion_attempts int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- ShedLock: which instance holds a scheduled job's lock, and until when.
create table shedlock (
    name varchar(64) not null,
    lock_until timestamp with time zone not null,
    locked_at timestamp with time zone not null,
    locked_by varchar(255) not null,
    primary key (name)
);
