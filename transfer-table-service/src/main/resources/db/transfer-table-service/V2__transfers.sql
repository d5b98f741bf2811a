-- Proposals from proposal to completion, their four-eyes approvals, contract blocks, waiting-list
-- screenings and escalations.

create table proposal (
    proposal_id              text primary key,
    region                   text        not null,
    referral_id              text        not null,
    client_pseudonym         text        not null,
    capacity_line_id         text        not null,
    receiving_provider_agb   text        not null,
    current_provider_agb     text,
    referrer_agb             text        not null,
    insurer_uzovi            text,
    origin                   text        not null,
    proposed_by              text,
    proposed_by_organisation text,
    diagnosis_group          text        not null,
    urgency                  text        not null,
    state                    text        not null,
    rejection_reason         text,
    reservation_id           text,
    offer_expires_at         timestamptz,
    handover_contact         text,
    decline_reason           text,
    end_outcome              text,
    explanation              text        not null,
    capacity_event_at        timestamptz,
    overdue_signalled_at     timestamptz,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    version                  bigint      not null default 0
);
-- a client is in at most one open proposal or offer: also under concurrent rounds or manual proposals
create unique index proposal_one_open_per_client on proposal (referral_id)
    where state in ('PROPOSED', 'SCREENED_ONCE', 'APPROVED', 'OFFERED', 'ACCEPTED_BY_PROVIDER', 'ACCEPTED_BY_CLIENT');
create index proposal_region_state on proposal (region, state);
create index proposal_line_state on proposal (capacity_line_id, state);

-- nobody approves twice: the primary key says so too
create table proposal_approval (
    proposal_id  text        not null references proposal (proposal_id),
    coordinator  text        not null,
    organisation text        not null,
    approved_at  timestamptz not null,
    primary key (proposal_id, coordinator)
);

-- one TransferBlocked per client x provider x reason while the block lasts
create table transfer_block (
    referral_id        text        not null,
    provider_agb       text        not null,
    reason             text        not null,
    region             text        not null,
    client_pseudonym   text        not null,
    insurer_uzovi      text        not null,
    capacity_line_id   text        not null,
    current_provider_agb text,
    first_blocked_at   timestamptz not null,
    lifted_at          timestamptz,
    primary key (referral_id, provider_agb, reason)
);
create index transfer_block_insurer on transfer_block (insurer_uzovi);

create table waiting_list_screening (
    screening_id        text primary key,
    region              text        not null,
    referral_id         text        not null,
    client_pseudonym    text        not null,
    current_provider_agb text,
    verdict             text        not null,
    reason              text        not null,
    state               text        not null,
    approvals           text        not null,
    dismissed_by        text,
    dismissal_reason    text,
    created_at          timestamptz not null,
    decided_at          timestamptz,
    version             bigint      not null default 0
);
create unique index waiting_list_screening_one_open on waiting_list_screening (referral_id) where state = 'OPEN';

create table escalation (
    escalation_id        text primary key,
    region               text        not null,
    referral_id          text        not null,
    client_pseudonym     text        not null,
    insurer_uzovi        text        not null,
    current_provider_agb text,
    referrer_agb         text        not null,
    reason               text        not null,
    route                text        not null,
    days_waited          integer     not null,
    state                text        not null,
    resolution           text,
    resolved_by_org      text,
    opened_at            timestamptz not null,
    resolved_at          timestamptz,
    version              bigint      not null default 0,
    unique (referral_id, reason)
);
create index escalation_region on escalation (region, state);
create index escalation_insurer on escalation (insurer_uzovi, state);

create table escalation_history (
    id            bigserial primary key,
    escalation_id text        not null references escalation (escalation_id),
    at            timestamptz not null,
    action        text        not null,
    detail        text        not null,
    organisation  text
);

-- every answer to an offer, for the figures (acceptances, declines by reason)
create table offer_answer (
    id             bigserial primary key,
    proposal_id    text        not null references proposal (proposal_id),
    region         text        not null,
    party          text        not null,
    accepted       boolean     not null,
    decline_reason text,
    answered_at    timestamptz not null
);
create index offer_answer_region on offer_answer (region, answered_at);
