package nl.transfertafel.notification.routing.domain;

/** What kind of thing a notification points at; decides which service owns the detail (see {@link Links}). */
public enum SubjectKind {
    REFERRAL,
    /** A proposal as coordinators screen it (transfer table, coordinators of the region only). */
    PROPOSAL,
    /** An offer as the GP, the providers involved and client supporters may read it (transfer table). */
    OFFER,
    ESCALATION,
    BLOCKED_TRANSFER,
    /** A provider's stops and pauses (capacity-service); the id is the provider's AGB. */
    REGISTRATION_RESTRICTION,
    /** A "still waiting?" question of a validation round (intake-service); the id is the question id. */
    VALIDATION_QUESTION
}
