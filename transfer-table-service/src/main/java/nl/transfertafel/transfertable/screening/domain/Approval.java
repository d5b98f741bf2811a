package nl.transfertafel.transfertable.screening.domain;

import java.time.Instant;

/**
 * One coordinator's screening decision: who, for which organisation (as the token said; compared
 * as an {@link OrganisationCode}), when. Used for approvals and for a pending rejection.
 */
public record Approval(String userId, String organisation, Instant at) {
}
