-- Out-of-order snapshots converge (ADR 0704). Events of one aggregate can reach the read model out
-- of order (a dead letter replayed later, a redelivery after a rebalance), so every projection keeps
-- the newest state it saw and never drops an event because another one has not arrived yet.

-- A CapacityLineChanged for a line whose CapacityAnnounced has not arrived yet is kept: the row
-- holds the line's state (version, places, period) and waits, unannounced and invisible to
-- matching, for the announcement to bring what the line offers.
alter table capacity_line add column announced boolean not null default true;
alter table capacity_line alter column announced set default false;
alter table capacity_line alter column provider_type drop not null;
alter table capacity_line alter column postcode_area drop not null;
alter table capacity_line alter column diagnosis_groups drop not null;
alter table capacity_line alter column care_level drop not null;
drop index capacity_line_region;
create index capacity_line_region on capacity_line (region) where announced;
create index capacity_line_provider on capacity_line (provider_agb) where announced;

-- Stops and pauses carry no version: the time the change happened decides which one is newer.
alter table registration_restriction add column changed_at timestamptz not null default 'epoch';
