-- Issue 15 item 2: the location where a client waits or is treated, when its provider named it
-- (WaitingEntryChanged.locationId); a location closure takes in that location's clients and those whose location
-- is unknown, marked (closure_member.location_unknown) so the case view says so rather than dropping them.
alter table waiting_client add column location_id text;
alter table closure_member add column location_unknown boolean not null default false;
