-- Proposals the transfer table has ended (TransferEnded). A reservation request that arrives for an
-- ended proposal without a reservation already is refused (409 proposal-ended): a reserve call still
-- in flight when its proposal lapsed must not hold a place for days (issue 11 item 16). Both paths take
-- a transaction-scoped advisory lock on the proposal id first, so they serialise per proposal.
create table ended_proposal (
    proposal_id  text        primary key,
    ended_at     timestamptz not null
);
