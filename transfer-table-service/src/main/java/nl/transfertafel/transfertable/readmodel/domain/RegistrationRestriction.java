package nl.transfertafel.transfertable.readmodel.domain;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/** An active registration stop or pause of a provider, for one diagnosis group or (group null) all. */
public record RegistrationRestriction(String providerAgb, RegistrationRestrictionChanged.Kind kind,
        DiagnosisGroup diagnosisGroup, LocalDate from, LocalDate until) {

    public boolean covers(String provider, DiagnosisGroup group, LocalDate today) {
        return providerAgb.equals(provider)
                && (diagnosisGroup == null || diagnosisGroup == group)
                && (from == null || !today.isBefore(from))
                && (until == null || !today.isAfter(until));
    }
}
