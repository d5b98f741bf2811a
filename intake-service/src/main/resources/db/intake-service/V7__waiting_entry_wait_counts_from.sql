-- Issue 15 item 2, ADR 1431: an entry whose treatment must move because its provider closes waits again; its
-- Treeknorm clocks count from the closure's end date, kept here (null: from registered_on, as for every other entry).
alter table waiting_entry add column wait_counts_from date;
