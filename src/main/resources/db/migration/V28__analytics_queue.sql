-- Evaluated responses waiting to be rolled up: written in the transaction that stores the
-- evaluation, removed in the one that adds the response to the aggregates.
create table analytics_queue (
    response_id        bigint primary key
);
