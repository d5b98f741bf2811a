-- Issue 15 item 2, ADR 1431: a client whose treatment must move (its provider closes) waits again with a Treeknorm
-- clock from the closure's end date (WaitingEntryChanged.waitCountsFrom); matching reads it in place of the
-- registration date. Null for every other client.
alter table waiting_client add column wait_counts_from date;
