-- Issue 15 item 2: a provider closes a location or stops a care programme. One row per
-- announcement; the stop from the end date lives in registration_restriction and the ended lines in
-- capacity_line, like any other stop or withdrawal.
create table provider_closure (
    id                uuid        primary key,
    provider_agb      text        not null references provider (agb),
    region            text        not null,
    location_id       uuid,
    diagnosis_groups  text        not null,
    end_date          date        not null,
    handover_contact  text        not null,
    announced_by      text,
    announced_at      timestamptz not null,
    withdrawn_lines   text        not null
);
create index provider_closure_provider on provider_closure (provider_agb);
