-- Issue 10, ADR 1160: a matching round reads only the waiting clients of its region written since the
-- instance's last read, not the region's whole list.
--
-- Every insert and update of a waiting_client row (the read-model consumers' upserts, any statement by hand)
-- stamps the row with the id of the transaction that wrote it. The trigger, not the repository, does it so that
-- no write path can forget it. A reader keeps the snapshot of its last read (pg_current_snapshot()) and next
-- reads the rows whose writer that snapshot did not see: every row version committed since, and those of
-- transactions that were still running then, in whatever order they commit (a sequence number would not do:
-- values commit out of order). Rows are never deleted: a client who leaves the list keeps its row with a stage
-- that excludes it, so a delta read sees the departure.
alter table waiting_client add column change_xid xid8;
update waiting_client set change_xid = pg_current_xact_id();
alter table waiting_client alter column change_xid set not null;

create function waiting_client_stamp_change() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end
$$;

create trigger waiting_client_stamp_change before insert or update on waiting_client
    for each row execute function waiting_client_stamp_change();

-- the delta read: the region's rows from the previous snapshot's oldest running transaction on
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
