package nl.transfertafel.transfertable.readmodel.domain;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.rules.StopOrPause;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * An active registration stop or pause of a provider, for one diagnosis group or (group null) all.
 * Which one decides for a client is the shared {@link StopOrPause} rule (a stop outranks a pause).
 */
public record RegistrationRestriction(String providerAgb, RegistrationRestrictionChanged.Kind kind,
        DiagnosisGroup diagnosisGroup, LocalDate from, LocalDate until) implements StopOrPause.Restriction {
}
