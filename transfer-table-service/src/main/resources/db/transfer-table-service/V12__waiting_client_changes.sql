-- Issue 10, ADR 1160: a matching round reads only the waiting clients of its region that changed since the
-- instance's last read, not the region's whole list.
--
-- Every insert and update of a waiting_client row (the read-model consumers' upserts, any statement by hand)
-- stamps the row with a change number from one sequence and the id of the transaction that wrote it. The
-- trigger, not the repository, does it so that no write path can forget it. Rows are never deleted: a client
-- who leaves the list keeps its row with a stage that excludes it, so a delta read sees the departure.
--
-- Sequence values commit out of order (a transaction that drew 100 may commit after one that drew 101), so a
-- read by change_no alone could skip a row for good. The reader therefore also re-reads every row whose writing
-- transaction was still running at its previous read (pg_visible_in_snapshot of change_xid against the
-- snapshot it kept): see RegionCandidates and ADR 1160.
create sequence waiting_client_change_no;

alter table waiting_client add column change_no bigint;
alter table waiting_client add column change_xid xid8;
update waiting_client set change_no = nextval('waiting_client_change_no'), change_xid = pg_current_xact_id();
alter table waiting_client alter column change_no set not null;
alter table waiting_client alter column change_xid set not null;

create function waiting_client_stamp_change() returns trigger language plpgsql as $$
begin
    new.change_no := nextval('waiting_client_change_no');
    new.change_xid := pg_current_xact_id();
    return new;
end
$$;

create trigger waiting_client_stamp_change before insert or update on waiting_client
    for each row execute function waiting_client_stamp_change();

-- the delta read: the region's rows past the last change number seen, or written by a transaction that was
-- still running at the previous read
create index waiting_client_region_change on waiting_client (region, change_no);
create index waiting_client_region_xid on waiting_client (region, change_xid);

-- The region's first (full) read of its candidates: one index range per region, in the order distinct on needs.
create index waiting_client_region_candidates on waiting_client (region, client_pseudonym)
    where has_referral and entry_version is not null;

-- The round's other reads (issue 10: "proposal 1.45 sequential scans per referral"):
-- clientsTransferred asks which pseudonyms completed a transfer in any region (a person is one person everywhere)
create index proposal_completed_pseudonym on proposal (client_pseudonym) where state = 'COMPLETED';
-- placesHeld counts the open, unreserved proposals per line of the region
create index proposal_holding_line on proposal (capacity_line_id)
    where state in ('APPROVED', 'PROPOSED', 'SCREENED_ONCE');
create index proposal_holding_region on proposal (region)
    where state in ('APPROVED', 'PROPOSED', 'SCREENED_ONCE');
-- markedUnsuitable reads the region's confirmed screenings, the latest per referral (there was no index on region)
create index waiting_list_screening_region_confirmed on waiting_list_screening (region, referral_id, decided_at desc)
    where state = 'CONFIRMED';
-- placesHeld takes the region's lines whether announced or not (capacity_line_region is only the announced ones)
create index capacity_line_region_any on capacity_line (region);
