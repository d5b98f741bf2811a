-- Issue 11: four eyes for rejections, one person one candidate, client-support links.

-- A first rejection is pending until a second coordinator confirms it (the reason is kept in
-- rejection_reason meanwhile); an approval withdraws it.
alter table proposal add column rejection_pending_by text;
alter table proposal add column rejection_pending_org text;
alter table proposal add column rejection_pending_at timestamptz;

-- One person, one open proposal: per client pseudonym, not per referral (item 14). The index per
-- referral stays (it is implied, and its name is known to the code that maps its violation).
create unique index proposal_one_open_per_pseudonym on proposal (client_pseudonym)
    where state in ('PROPOSED', 'SCREENED_ONCE', 'APPROVED', 'OFFERED', 'ACCEPTED_BY_PROVIDER', 'ACCEPTED_BY_CLIENT');
create index proposal_pseudonym on proposal (client_pseudonym);
create index waiting_client_pseudonym on waiting_client (client_pseudonym);

-- The client-support organisation a client named for a referral (ClientSupportChanged, item 6),
-- normalised as OrganisationCode; null after the link was removed. The newest event wins.
create table client_support (
    referral_id          text primary key,
    client_pseudonym     text        not null,
    support_organisation text,
    changed_at           timestamptz not null
);
create index client_support_organisation on client_support (support_organisation);
