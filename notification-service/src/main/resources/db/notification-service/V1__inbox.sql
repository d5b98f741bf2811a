-- Thin notifications: what happened, to which thing, for which organisation, and where to fetch the
-- detail under the receiver's own authorisation. Never personal data.
create table inbox_notification (
    id              uuid primary key,
    organisation    text        not null,
    region          text        not null,
    event_id        uuid        not null,
    event_type      text        not null,
    subject_id      text        not null,
    link            text        not null,
    created_at      timestamptz not null,
    read_at         timestamptz,
    unique (event_id, organisation)
);
create index inbox_notification_org on inbox_notification (organisation, created_at desc);
