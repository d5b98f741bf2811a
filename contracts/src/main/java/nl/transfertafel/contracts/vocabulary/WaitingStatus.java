package nl.transfertafel.contracts.vocabulary;

/**
 * Waiting statuses taken from the long-term-care registration (NZa Wlz report 2022-2023).
 * Urgent outranks preference; a client waiting for preference gets no automatic proposals elsewhere.
 */
public enum WaitingStatus {
    URGENT_PLACEMENT,
    ACTIVE_PLACEMENT,
    WAITING_FOR_PREFERENCE,
    WAITING_AS_PRECAUTION
}
