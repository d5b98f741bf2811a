-- intake-service: referrals, the client's personal data (encrypted), waiting-list entries, the
-- registration stops/pauses and transfer progress learnt from events, and the Treeknorm signals sent.

create table referral (
    id                           uuid primary key,
    client_pseudonym             text        not null,
    referrer_agb                 text        not null,
    region                       text        not null,
    postcode_area                text        not null,
    age_band                     text        not null,
    insurer_uzovi                text        not null,
    diagnosis_group              text        not null,
    care_level                   text        not null,
    urgency                      text        not null,
    preferred_provider_agb       text,
    max_travel_km                integer,
    e_health_acceptable          boolean     not null,
    wait_for_preferred_provider  boolean     not null,
    screening_consent            boolean     not null,
    registered_on                date        not null,
    source                       text        not null,
    registered_by                text        not null,
    created_at                   timestamptz not null
);
create index referral_referrer on referral (referrer_agb, registered_on);

-- Every value is AES-GCM ciphertext "<key id>:<base64(nonce || ciphertext || tag)>", bound to its
-- referral and column (associated data), so values cannot be swapped between rows or columns.
create table client_personal_data (
    referral_id    uuid primary key references referral (id),
    bsn            text not null,
    name           text not null,
    date_of_birth  text not null,
    postcode       text not null,
    email          text,
    phone          text,
    language       text not null
);

create table waiting_entry (
    referral_id           uuid primary key references referral (id),
    region                text        not null,
    client_pseudonym      text        not null,
    referrer_agb          text        not null,
    provider_agb          text,
    placement             text        not null,
    waiting_status        text        not null,
    stage                 text        not null,
    withdrawal_reason     text,
    diagnosis_group       text        not null,
    urgency               text        not null,
    registered_on         date        not null,
    intake_on             date,
    treatment_started_on  date,
    withdrawn_on          date,
    status_confirmed_on   date        not null,
    stale                 boolean     not null,
    last_change           text        not null,
    version               bigint      not null,
    updated_at            timestamptz not null
);
create index waiting_entry_provider on waiting_entry (provider_agb, stage);
create index waiting_entry_region on waiting_entry (region, diagnosis_group, stage);
create index waiting_entry_waiting on waiting_entry (registered_on) where stage in ('WAITING', 'INTAKE_DONE');

create table registration_restriction (
    restriction_id   text primary key,
    region           text        not null,
    provider_agb     text        not null,
    kind             text        not null,
    diagnosis_group  text,
    active           boolean     not null,
    valid_from       date        not null,
    valid_until      date,
    updated_at       timestamptz not null
);
create index registration_restriction_provider on registration_restriction (provider_agb) where active;

create table transfer_progress (
    referral_id             uuid primary key references referral (id),
    proposal_id             text        not null,
    state                   text        not null,
    receiving_provider_agb  text,
    outcome                 text,
    handover_contact        text,
    completed_on            date,
    updated_at              timestamptz not null
);

-- What the Treeknorm job sent: once per entry, norm and level.
create table treeknorm_signal (
    referral_id   uuid        not null references referral (id),
    norm          text        not null,
    level         text        not null,
    deadline      date        not null,
    signalled_at  timestamptz not null,
    primary key (referral_id, norm, level)
);
