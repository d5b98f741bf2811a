-- Issue 13 item 3: how a webhook's deliveries are signed. Every webhook registered before keeps the
-- earlier scheme (one release); new registrations default to Standard Webhooks.
alter table webhook_endpoint add column signature_scheme text not null default 'TRANSFERTAFEL_V1';
alter table webhook_endpoint alter column signature_scheme drop default;
