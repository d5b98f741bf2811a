-- Whether the practice named as referrer of an onboarded referral confirmed it referred the client
-- (ReferrerLinkChanged, issue 11 item 7). A referral without a row is confirmed (a GP's own referral
-- is confirmed by being made, and intake announces only onboarded ones). Until confirmed, a GP of that
-- practice neither sees nor answers the referral's offers. The newest event wins.
create table referrer_link (
    referral_id      text primary key,
    client_pseudonym text        not null,
    referrer_agb     text        not null,
    confirmed        boolean     not null,
    changed_at       timestamptz not null
);
create index referrer_link_unconfirmed on referrer_link (referral_id) where not confirmed;
