-- Issue 15 item 2, ADR 1430: a closure member whom a round of its own region left unplaced (no free eligible
-- place in the region) becomes eligible for capacity lines of other regions. The round records the moment once
-- (the first round that could not place it); the out-of-region pass reads it. The home round still goes first
-- every time, so capacity that appears in the region later is used before any other region's.
create table out_of_region_eligible (
    referral_id  text primary key,
    region       text        not null,
    since        timestamptz not null
);
create index out_of_region_eligible_region on out_of_region_eligible (region);
