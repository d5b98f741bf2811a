create table probe_effect (
    id            bigserial primary key,
    event_id      uuid not null,
    aggregate_id  text not null
);
create table probe_state (
    id    text primary key,
    note  text not null
);
