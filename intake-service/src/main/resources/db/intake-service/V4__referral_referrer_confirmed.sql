-- Whether the referring practice confirmed it referred the client (issue 11 item 7). A GP's own
-- referral is confirmed by being made; an onboarded entry names a practice that must confirm the
-- link before it sees who the client is. Existing rows keep the access they had.
alter table referral add column referrer_confirmed boolean not null default true;
