package nl.transfertafel.intake.restriction.domain;

import java.time.LocalDate;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * A provider's registration stop or pause as capacity-service announced it. A null diagnosis group
 * means every group; a null {@code until} means until lifted.
 */
public record RegistrationRestriction(
        String restrictionId,
        String providerAgb,
        Kind kind,
        DiagnosisGroup diagnosisGroup,
        boolean active,
        LocalDate from,
        LocalDate until) {

    public enum Kind { STOP, PAUSE }

    public boolean appliesTo(String provider, DiagnosisGroup group, LocalDate day) {
        return active
                && providerAgb.equals(provider)
                && (diagnosisGroup == null || diagnosisGroup == group)
                && !day.isBefore(from)
                && (until == null || !day.isAfter(until));
    }
}
