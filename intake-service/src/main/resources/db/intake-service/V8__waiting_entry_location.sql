-- Issue 15 item 2: the provider's location (capacity-service's location id) where the client waits or is treated,
-- when the provider named it (PUT /api/v1/waiting-list/{id}/location); null when unknown.
alter table waiting_entry add column location_id text;
