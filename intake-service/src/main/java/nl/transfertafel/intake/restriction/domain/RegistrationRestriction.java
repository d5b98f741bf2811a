package nl.transfertafel.intake.restriction.domain;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.rules.StopOrPause;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * A provider's registration stop or pause as capacity-service announced it. A null diagnosis group
 * means every group; a null {@code until} means until lifted. Whether it is in force on a day, and
 * which of several decides, is the shared {@link StopOrPause} rule.
 */
public record RegistrationRestriction(
        String restrictionId,
        String providerAgb,
        Kind kind,
        DiagnosisGroup diagnosisGroup,
        boolean active,
        LocalDate from,
        LocalDate until) implements StopOrPause.Restriction {
}
