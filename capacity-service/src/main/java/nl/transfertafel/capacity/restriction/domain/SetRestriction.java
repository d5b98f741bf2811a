package nl.transfertafel.capacity.restriction.domain;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/** The command: set a stop or pause for one diagnosis group (null = all), from (null = today) until (null = open-ended stop). */
public record SetRestriction(Kind kind, DiagnosisGroup diagnosisGroup, String reason, LocalDate from, LocalDate until) {
}
