-- Spring Modulith completes a publication by listener and serialized event. Once several modules
-- listen to ResponseRecorded, outstanding publications pile up under load and each completion
-- scanned them all. A hash index (as Modulith's own PostgreSQL schema has; H2 accepts the same
-- statement) finds the row at once, whatever the length of the event.
create index ix_event_publication_event on event_publication using hash (serialized_event);
