-- The transfer table's own picture of who waits and what is free, built only from events.

-- One row per referral. ReferralReceived (topic intake.referral-events) fills the referral columns,
-- WaitingEntryChanged (topic intake.waiting-events) the entry columns; either may arrive first, so
-- a row can exist with has_referral = false until its referral arrives. Newer entry versions win.
create table waiting_client (
    referral_id            text primary key,
    region                 text        not null,
    client_pseudonym       text        not null,
    referrer_agb           text        not null,
    has_referral           boolean     not null default false,
    postcode_area          text,
    age_band               text,
    diagnosis_group        text,
    care_level             text,
    urgency                text,
    insurer_uzovi          text,
    registered_on          date,
    max_travel_km          integer,
    e_health_ok            boolean     not null default false,
    wait_for_preferred     boolean     not null default false,
    preferred_provider_agb text,
    screening_consent      boolean     not null default false,
    entry_version          bigint,
    current_provider_agb   text,
    placement              text,
    waiting_status         text,
    stage                  text,
    stale                  boolean     not null default false,
    treeknorm_level        text,
    recorded_at            timestamptz not null,
    updated_at             timestamptz not null
);
create index waiting_client_region on waiting_client (region) where has_referral;

create table capacity_line (
    capacity_line_id   text primary key,
    region             text        not null,
    provider_agb       text        not null,
    provider_type      text        not null,
    postcode_area      text        not null,
    diagnosis_groups   text        not null,
    care_level         text        not null,
    places_total       integer     not null,
    places_left        integer     not null,
    available_from     date        not null,
    available_until    date,
    offering_id        text,
    location_id        text,
    min_age            integer,
    max_age            integer,
    exclusions         text        not null default '',
    state              text        not null default 'OPEN',
    line_version       bigint      not null default 0,
    -- when the last event that opened places happened (for the capacity-to-proposal time)
    places_freed_at    timestamptz not null,
    recorded_at        timestamptz not null
);
create index capacity_line_region on capacity_line (region);

create table provider_profile (
    provider_agb   text primary key,
    name           text,
    provider_type  text,
    active         boolean not null,
    offerings      text    not null default '[]',
    version        bigint  not null
);

create table insurer_contract (
    insurer_uzovi   text    not null,
    provider_agb    text    not null,
    contracted      boolean not null,
    ceiling_reached boolean not null,
    version         bigint  not null,
    primary key (insurer_uzovi, provider_agb)
);

create table registration_restriction (
    restriction_id  text primary key,
    provider_agb    text    not null,
    kind            text    not null,
    diagnosis_group text,
    active          boolean not null,
    valid_from      date,
    valid_until     date
);
create index registration_restriction_provider on registration_restriction (provider_agb) where active;
