-- The worklist shows, per referral, how many other referrals of the same client are still open
-- (issue 11 item 14): a look-up by pseudonym among the open entries, once per worklist page.
create index waiting_entry_open_by_client on waiting_entry (client_pseudonym)
    where stage in ('WAITING', 'INTAKE_DONE');
