-- Platform tables every service has: the transactional outbox, the idempotent-consumer ledger and
-- the audit log of access to personal data. Service migrations start at V1.

create table outbox (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    message_key   text        not null,
    event_type    text        not null,
    envelope      text        not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz,
    attempts      integer     not null default 0,
    last_error    text
);
create index outbox_unpublished on outbox (id) where published_at is null;

create table processed_event (
    consumer      text        not null,
    event_id      uuid        not null,
    event_type    text        not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);

create table audit_log (
    id                 bigserial primary key,
    occurred_at        timestamptz not null,
    actor              text        not null,
    organisation       text,
    roles              text        not null,
    subject_pseudonym  text,
    action             text        not null,
    purpose            text        not null
);
create index audit_log_subject on audit_log (subject_pseudonym, occurred_at);
