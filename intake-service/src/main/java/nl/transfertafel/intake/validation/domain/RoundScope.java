package nl.transfertafel.intake.validation.domain;

import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/** Which waiting clients a round asks: a region's, optionally one provider's list and one diagnosis group. */
public record RoundScope(String region, String providerAgb, DiagnosisGroup diagnosisGroup) {
}
