-- Issue 13 item 3: how a webhook's deliveries are signed. Every webhook registered before keeps the
-- earlier scheme (one release); new registrations default to Standard Webhooks.
alter table webhook_endpoint add column signature_scheme text not null default 'TRANSFERTAFEL_V1';
alter table webhook_endpoint alter column signature_scheme drop default;

-- Issue 11 item 6: the client-support organisation the client of a referral named (ClientSupportChanged
-- from intake; a removed link deletes the row). A supporter's desk shows only deliveries whose
-- referral names its organisation now.
create table client_support (
    referral_id   text primary key,
    organisation  text        not null,
    updated_at    timestamptz not null
);
-- the referral of the client an offer or transfer concerns (ids only, never personal data)
alter table delivery add column referral_id text;
