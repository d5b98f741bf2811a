package nl.transfertafel.notification.routing.domain;

/** What kind of thing a notification points at; decides which service owns the detail (see {@link Links}). */
public enum SubjectKind {
    REFERRAL,
    PROPOSAL,
    ESCALATION,
    BLOCKED_TRANSFER,
    REGISTRATION_RESTRICTION
}
