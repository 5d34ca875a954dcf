-- The event publication registry (Spring Modulith's JDBC outbox, schema version 2 as spring-modulith-events-jdbc
-- 2.0.3 ships it for H2): one row per event and listener, written in the transaction that publishes the event,
-- completed when the listener succeeds.
create table event_publication (
    id uuid not null,
    completion_date timestamp(9) with time zone,
    event_type varchar(512) not null,
    listener_id varchar(512) not null,
    publication_date timestamp(9) with time zone not null,
    serialized_event varchar(4000) not null,
    status varchar(20),
    completion_attempts int,
    last_resubmission_date timestamp(9) with time zone,
    primary key (id)
);
create index event_publication_by_listener_id_and_serialized_event_idx
    on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- ShedLock: which instance holds a scheduled job's lock, and until when.
create table shedlock (
    name varchar(64) not null,
    lock_until timestamp with time zone not null,
    locked_at timestamp with time zone not null,
    locked_by varchar(255) not null,
    primary key (name)
);
