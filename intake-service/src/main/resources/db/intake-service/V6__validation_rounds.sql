-- "Still waiting?" validation rounds (issue 15 item 1): a round asks every client still waiting in
-- its scope one question; intake owns the round, the questions and the answers. Never a name or an
-- address here: the question points at the referral, whose personal data stays in client_personal_data.
create table validation_round (
    id               uuid primary key,
    region           text        not null,
    provider_agb     text,
    diagnosis_group  text,
    started_by       text        not null,
    started_by_org   text        not null,
    started_at       timestamptz not null,
    deadline         timestamptz not null,
    reminder_until   timestamptz not null,
    status           text        not null,
    waiting_before   bigint      not null,
    waiting_after    bigint,
    reminded_at      timestamptz,
    closed_at        timestamptz
);
create index validation_round_region on validation_round (region, started_at desc);
create index validation_round_due on validation_round (status, deadline) where status <> 'CLOSED';

-- One question per waiting entry in scope. The answer link's token is stored only as its SHA-256
-- hash (a database reader cannot answer for anyone); minting a new link replaces the hash.
create table validation_question (
    id                uuid primary key,
    round_id          uuid        not null references validation_round (id),
    referral_id       uuid        not null references referral (id),
    client_pseudonym  text        not null,
    referrer_agb      text        not null,
    provider_agb      text,
    answer            text,
    answered_via      text,
    answered_at       timestamptz,
    outcome           text,
    reminded_at       timestamptz,
    flagged_at        timestamptz,
    token_hash        bytea,
    token_expires_at  timestamptz,
    token_used_at     timestamptz,
    unique (round_id, referral_id)
);
create unique index validation_question_token on validation_question (token_hash) where token_hash is not null;
create index validation_question_referral on validation_question (referral_id) where answer is null;
