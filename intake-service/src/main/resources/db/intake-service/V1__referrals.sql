create table referral (
    id                 uuid primary key,
    client_pseudonym   text        not null,
    referrer_agb       text        not null,
    region             text        not null,
    postcode_area      text        not null,
    age_band           text        not null,
    insurer_uzovi      text        not null,
    diagnosis_group    text        not null,
    care_level         text        not null,
    urgency            text        not null,
    screening_consent  boolean     not null,
    registered_on      date        not null,
    created_at         timestamptz not null,
    version            bigint      not null default 0
);
create index referral_referrer on referral (referrer_agb, registered_on);
