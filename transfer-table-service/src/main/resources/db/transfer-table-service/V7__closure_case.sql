-- Issue 15 item 2: a provider closes a location or stops a care programme (ProviderClosureAnnounced).
-- The closure as announced, and its members: the clients of the provider in scope when the
-- announcement arrived (waiting ones are re-matched with the closure tier; those already in treatment
-- are flagged for a warm handover). Members are recorded once, so a client stays in its case after it
-- moved to another provider (the progress and the report count it as placed).
create table provider_closure (
    closure_id        text primary key,
    region            text        not null,
    provider_agb      text        not null,
    location_id       text,
    diagnosis_groups  text        not null,
    end_date          date        not null,
    handover_contact  text        not null,
    announced_at      timestamptz not null,
    recorded_at       timestamptz not null
);
create index provider_closure_provider on provider_closure (provider_agb);

create table closure_member (
    closure_id        text        not null references provider_closure (closure_id),
    referral_id       text        not null,
    region            text        not null,
    client_pseudonym  text        not null,
    insurer_uzovi     text,
    registered_on     date,
    in_treatment      boolean     not null,
    joined_at         timestamptz not null,
    primary key (closure_id, referral_id)
);
create index closure_member_referral on closure_member (referral_id);
create index closure_member_region on closure_member (region);
