package nl.transfertafel.transfertable.screening.domain;

import java.time.Instant;

/** One coordinator's approval: who, for which organisation, when. */
public record Approval(String userId, String organisation, Instant at) {
}
