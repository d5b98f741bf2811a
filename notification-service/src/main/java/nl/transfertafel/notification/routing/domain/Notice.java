package nl.transfertafel.notification.routing.domain;

/**
 * What a recipient is told, one template per value (Dutch and English, {@code notice-templates_*.properties}).
 * The same event can mean different things to different recipients: a {@code TransferOffered} is
 * "a transfer was offered for your referral" to the GP and "an offer for you" to the receiving provider.
 */
public enum Notice {
    REFERRAL_REGISTERED,
    TREEKNORM_AT_RISK,
    TREEKNORM_BREACHED,
    INTAKE_DONE,
    TRANSFER_PROPOSED,
    TRANSFER_OFFERED,
    TRANSFER_COMPLETED,
    OFFER_RECEIVED,
    CLIENT_TRANSFERRED_IN,
    CLIENT_TRANSFERRED_OUT,
    SCREENING_QUEUE_GREW,
    SCREENING_OVERDUE,
    REGISTRATION_RESTRICTION_CHANGED,
    TRANSFER_BLOCKED,
    ESCALATION_OPENED,
    CLIENT_OFFER,
    CLIENT_TRANSFER_COMPLETED,
    /** To the client-support organisation the client named (issue 11 item 6). */
    SUPPORTED_CLIENT_OFFERED,
    SUPPORTED_CLIENT_TRANSFERRED,
    /** "Still waiting?" (issue 15 item 1): the GP's worklist shows the question; it may answer for the client. */
    VALIDATION_QUESTION,
    VALIDATION_REMINDER,
    /** To the client, by e-mail with the single-use answer link ({link}). */
    CLIENT_VALIDATION_QUESTION,
    CLIENT_VALIDATION_REMINDER,
    /** To the client-support organisation the client named: it may answer for the client. */
    SUPPORTED_CLIENT_VALIDATION,
    /** No answer after the reminder: the entry is flagged for the GP and the provider (never removed). */
    VALIDATION_UNANSWERED
}
