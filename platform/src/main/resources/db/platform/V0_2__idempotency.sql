-- Idempotency keys of write requests (header Idempotency-Key). A key belongs to one caller: the
-- organisation and user of the token, so two callers never see each other's answers. The row is
-- inserted in the same transaction as the request's effect: a concurrent duplicate waits on the
-- primary key until the first commits (then replays its answer) or rolls back (then runs itself).

create table idempotency_key (
    organisation       text        not null,
    user_id            text        not null,
    idempotency_key    text        not null,
    operation          text        not null,
    request_hash       text        not null,
    response_status    integer,
    response_location  text,
    response_body      text,
    created_at         timestamptz not null,
    expires_at         timestamptz not null,
    primary key (organisation, user_id, idempotency_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
