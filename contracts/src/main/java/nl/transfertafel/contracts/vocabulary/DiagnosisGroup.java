package nl.transfertafel.contracts.vocabulary;

/**
 * Main diagnosis groups (hoofddiagnosegroepen) as used in the NZa waiting-time figures.
 * Figures and matching are per group, so every referral and every offering names one.
 */
public enum DiagnosisGroup {
    ANXIETY,
    DEPRESSION,
    BIPOLAR_PSYCHOTIC,
    PERSONALITY,
    TRAUMA,
    ADHD,
    AUTISM,
    EATING,
    ADDICTION,
    SOMATIC_SYMPTOM,
    OTHER
}
