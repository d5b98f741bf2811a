-- The client-support organisation (onafhankelijke cliëntondersteuning) acting for the client of a
-- referral, named by the GP (issue 11 item 6): a code, never a person. Null: none named.
alter table referral add column client_support_organisation text;
