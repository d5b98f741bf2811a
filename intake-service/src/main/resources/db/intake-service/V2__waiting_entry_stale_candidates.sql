-- The daily staleness job looks for placed, waiting, not yet stale entries whose status was last
-- confirmed before a day: without this index that is a scan of the whole list (100,000+ entries
-- nationally) every run (issue 10).
create index waiting_entry_stale_candidates on waiting_entry (status_confirmed_on, referral_id)
    where stage in ('WAITING', 'INTAKE_DONE') and placement = 'PLACED' and not stale;
