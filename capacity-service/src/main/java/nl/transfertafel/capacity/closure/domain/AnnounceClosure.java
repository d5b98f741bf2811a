package nl.transfertafel.capacity.closure.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * The command: the provider closes a location (null = the whole provider) or stops a care programme
 * (the diagnosis groups; empty = every group) on {@code endDate}, with an organisational contact for
 * the warm handover (criterion d of the 2021 action plan).
 */
public record AnnounceClosure(UUID locationId, List<DiagnosisGroup> diagnosisGroups, LocalDate endDate,
        String handoverContact) {

    public AnnounceClosure {
        diagnosisGroups = diagnosisGroups == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(diagnosisGroups));
    }
}
