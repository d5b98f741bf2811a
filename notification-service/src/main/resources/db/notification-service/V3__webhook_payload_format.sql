-- Issue 13: what a webhook's deliveries carry (ADR 1110). Every webhook registered before keeps the
-- pipeline's JSON body; a FHIR Subscription's webhook gets the backport's SubscriptionStatus Bundle and
-- names the Subscription (absolute URL) and its topic. started_at: where its event numbers count from
-- (set at registration, and again when the URL, the format or the Subscription changes).
alter table webhook_endpoint add column payload_format text not null default 'TRANSFERTAFEL_JSON';
alter table webhook_endpoint add column fhir_subscription text;
alter table webhook_endpoint add column fhir_topic text;
alter table webhook_endpoint add column started_at timestamptz;
update webhook_endpoint set started_at = updated_at;
alter table webhook_endpoint alter column started_at set not null;
