-- capacity-service: the provider registry, capacity lines, reservations, registration stops and
-- pauses, and insurer contracts. Code lists (diagnosis groups, exclusions) are comma-separated enum
-- names. Every row several actors touch carries a version for optimistic locking.

create table provider (
    agb                 text        primary key,
    name                text        not null,
    provider_type       text        not null,
    region              text        not null,
    representative_agb  text,
    active              boolean     not null,
    version             bigint      not null,
    updated_at          timestamptz not null
);
create index provider_representative on provider (representative_agb) where representative_agb is not null;

create table provider_location (
    id            uuid    primary key,
    provider_agb  text    not null references provider (agb) on delete cascade,
    position      integer not null,
    postcode      text    not null,
    city          text,
    region        text    not null
);
create index provider_location_provider on provider_location (provider_agb);
create index provider_location_region on provider_location (region);

create table provider_offering (
    id                uuid    primary key,
    provider_agb      text    not null references provider (agb) on delete cascade,
    position          integer not null,
    diagnosis_groups  text    not null,
    care_level        text    not null,
    min_age           integer not null,
    max_age           integer not null,
    exclusions        text    not null
);
create index provider_offering_provider on provider_offering (provider_agb);

-- A capacity line keeps the offering's terms as announced (matching never looks them up again).
-- places_left = places_total minus the places held or confirmed by reservations.
create table capacity_line (
    id                      uuid        primary key,
    provider_agb            text        not null,
    provider_type           text        not null,
    region                  text        not null,
    location_id             uuid,
    location_postcode_area  text        not null,
    offering_id             uuid,
    diagnosis_groups        text        not null,
    care_level              text        not null,
    min_age                 integer,
    max_age                 integer,
    exclusions              text        not null default '',
    places_total            integer     not null,
    places_left             integer     not null,
    available_from          date        not null,
    available_until         date,
    state                   text        not null,
    announced_at            timestamptz not null,
    confirmed_at            timestamptz not null,
    version                 bigint      not null,
    constraint capacity_line_places check (places_left >= 0 and places_left <= places_total)
);
create index capacity_line_provider on capacity_line (provider_agb);
create index capacity_line_live on capacity_line (region, state) where state in ('OPEN', 'FULL', 'STALE');

-- One reservation per proposal (the unique key makes reserving idempotent per proposal).
create table reservation (
    id                uuid        primary key,
    capacity_line_id  uuid        not null references capacity_line (id),
    proposal_id       text        not null unique,
    provider_agb      text        not null,
    region            text        not null,
    state             text        not null,
    expires_at        timestamptz not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null
);
create index reservation_line on reservation (capacity_line_id);
create index reservation_held on reservation (expires_at) where state = 'HELD';

create table registration_restriction (
    id               uuid        primary key,
    provider_agb     text        not null references provider (agb),
    region           text        not null,
    kind             text        not null,
    diagnosis_group  text,
    reason           text        not null,
    valid_from       date        not null,
    valid_until      date,
    active           boolean     not null,
    version          bigint      not null,
    updated_at       timestamptz not null
);
create index registration_restriction_provider on registration_restriction (provider_agb);
create index registration_restriction_active on registration_restriction (valid_until) where active;

create table insurer_contract (
    insurer_uzovi    text        not null,
    provider_agb     text        not null references provider (agb),
    contracted       boolean     not null,
    ceiling_euro     bigint,
    used_euro        bigint,
    ceiling_reached  boolean     not null,
    reached_flag     boolean     not null,
    version          bigint      not null,
    updated_at       timestamptz not null,
    primary key (insurer_uzovi, provider_agb)
);
create index insurer_contract_provider on insurer_contract (provider_agb);
