create table probe_batch_effect (
    id            bigserial primary key,
    event_id      uuid not null,
    aggregate_id  text not null
);
