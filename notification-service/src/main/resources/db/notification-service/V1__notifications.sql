-- notification-service: subscriptions, channel settings, the delivery table the dispatcher works,
-- and the in-app inbox. Notifications are thin: ids, types, links. Never personal data: a client is
-- named by its referral id only, and a client's address is looked up at send time, never stored.

-- An organisation's (or a region's coordinator desk's) explicit choice for one event type on one
-- channel. No row = the default (inbox on, webhook and e-mail off).
create table subscription (
    recipient    text        not null,
    event_type   text        not null,
    channel      text        not null,
    enabled      boolean     not null,
    updated_at   timestamptz not null,
    updated_by   text        not null,
    primary key (recipient, event_type, channel)
);

create table webhook_endpoint (
    recipient    text primary key,
    url          text        not null,
    -- the shared HMAC secret: needed in clear to sign. Protect the database like any credential store.
    secret       text        not null,
    updated_at   timestamptz not null,
    updated_by   text        not null
);

-- an organisation's functional mailbox (not a person's address)
create table mailbox (
    recipient    text primary key,
    address      text        not null,
    updated_at   timestamptz not null,
    updated_by   text        not null
);

-- One row per (event, recipient, channel): the unique key makes a redelivered event a no-op, and
-- the row is the outbox the dispatcher works. seq orders each (recipient, channel) lane.
create table delivery (
    id               uuid primary key,
    seq              bigserial   not null unique,
    event_id         uuid        not null,
    event_type       text        not null,
    occurred_at      timestamptz not null,
    region           text        not null,
    recipient        text        not null,
    channel          text        not null,
    notice           text        not null,
    subject_kind     text        not null,
    subject_id       text        not null,
    link             text,
    status           text        not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    last_error       text,
    target           text,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    dead_at          timestamptz,
    replays          integer     not null default 0,
    unique (event_id, recipient, channel)
);
create index delivery_lane_pending on delivery (recipient, channel, seq) where status = 'PENDING';
create index delivery_log on delivery (recipient, seq desc);
create index delivery_dead on delivery (dead_at desc) where status = 'DEAD';

-- The in-app inbox: one row per inbox delivery (same id), read state per user.
create table inbox_notification (
    id            uuid primary key,
    recipient     text        not null,
    region        text        not null,
    event_id      uuid        not null,
    event_type    text        not null,
    notice        text        not null,
    subject_kind  text        not null,
    subject_id    text        not null,
    link          text        not null,
    occurred_at   timestamptz not null,
    created_at    timestamptz not null,
    unique (event_id, recipient)
);
create index inbox_notification_recipient on inbox_notification (recipient, created_at desc, id);

create table inbox_read (
    notification_id  uuid        not null references inbox_notification (id),
    user_id          text        not null,
    read_at          timestamptz not null,
    primary key (notification_id, user_id)
);
