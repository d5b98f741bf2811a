package nl.transfertafel.transfertable.closure.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * A bulk transfer case (issue 15 item 2): a provider closes a location ({@code locationId}; null = the
 * whole provider) or stops a care programme ({@code diagnosisGroups}; empty = every group) on
 * {@code endDate}. Its members are the provider's clients in scope when the announcement arrived;
 * {@code handoverContact} is the closing organisation's contact for the warm handover.
 */
public record ClosureCase(String closureId, String region, String providerAgb, String locationId,
        List<DiagnosisGroup> diagnosisGroups, LocalDate endDate, String handoverContact, Instant announcedAt) {

    public ClosureCase {
        diagnosisGroups = List.copyOf(diagnosisGroups);
    }
}
