-- Outbox lanes, parking and wake-up (docs/adr/0010-outbox-lanes-keep-region-order-across-instances.md).
--
-- lane: hash of the message key (the region) modulo the configured lane count, fixed when the row
-- is written. One relay at a time publishes a lane (a transaction-level advisory lock), in id order,
-- so a region's events leave in order however many instances run.
-- parked_at: a row the broker refuses for good (e.g. too large) is parked after bounded attempts, so
-- it does not hold up the rows behind it; an admin lists and replays it (/api/v1/admin/outbox).
alter table outbox add column lane integer not null default 0;
alter table outbox add column parked_at timestamptz;

drop index outbox_unpublished;
create index outbox_pending on outbox (lane, id) where published_at is null and parked_at is null;
create index outbox_parked on outbox (id) where parked_at is not null;
-- the purge of sent rows after their retention
create index outbox_published on outbox (published_at) where published_at is not null;
-- the purge of the consumer ledger after its retention
create index processed_event_age on processed_event (processed_at);

-- Wakes every relay of this database when a transaction that wrote outbox rows commits (NOTIFY is
-- delivered at commit, once per transaction and channel), so events leave within milliseconds
-- without polling; the relay still polls slowly as a fallback.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('transfertafel_outbox', '');
    return null;
end
$$;
create trigger outbox_written after insert on outbox for each statement execute function outbox_notify();
