-- Spring Modulith's event publication registry (its schema v2, written once for H2 and
-- PostgreSQL): a durable record of every event a transactional listener has yet to handle, so
-- that ResponseRecorded and the reactions to recorded contacts survive a stop right after the
-- commit. Completed publications are deleted (spring.modulith.events.completion-mode=delete),
-- which keeps the table small enough to be searched by serialized event without an index.
create table event_publication (
    id                     uuid         not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar      not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index ix_event_publication_completion on event_publication (completion_date);
