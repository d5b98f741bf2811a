-- The transfer table's own picture of who waits and what is free, built only from events.
create table waiting_client (
    referral_id        text primary key,
    client_pseudonym   text        not null,
    region             text        not null,
    referrer_agb       text        not null,
    postcode_area      text        not null,
    age_band           text        not null,
    diagnosis_group    text        not null,
    care_level         text        not null,
    urgency            text        not null,
    insurer_uzovi      text        not null,
    registered_on      date        not null,
    max_travel_km      integer,
    e_health_ok        boolean     not null,
    wait_for_preferred boolean     not null,
    screening_consent  boolean     not null,
    recorded_at        timestamptz not null
);
create index waiting_client_region on waiting_client (region);

create table capacity_line (
    capacity_line_id   text primary key,
    region             text        not null,
    provider_agb       text        not null,
    provider_type      text        not null,
    postcode_area      text        not null,
    diagnosis_groups   text        not null,
    care_level         text        not null,
    places             integer     not null,
    available_from     date        not null,
    available_until    date,
    recorded_at        timestamptz not null
);
create index capacity_line_region on capacity_line (region);
