package nl.transfertafel.contracts.events.capacity;

/**
 * The coded exclusion criteria an offering may name: clients with this characteristic are not
 * taken on by that offering, so the matcher must not propose them there. Kept deliberately small;
 * events carry the codes as strings (schema pattern {@code ^[A-Z_]+$}), so a code added here later
 * is an additive change that older consumers can ignore.
 */
public enum ExclusionCriterion {
    /** Acute crisis risk or a need for crisis care (for example suicidality): not without a crisis service. */
    CRISIS_PRONE,
    /** A co-morbid addiction that needs treatment alongside the main diagnosis. */
    ADDICTION_COMORBIDITY,
    /** A recent history of aggression towards care workers. */
    AGGRESSION_RISK,
    /** A mild intellectual disability (LVB) that needs an adapted approach. */
    MILD_INTELLECTUAL_DISABILITY,
    /** A likely need for clinical admission (inpatient care). */
    INPATIENT_CARE_NEEDED
}
