package nl.transfertafel.intake.validation.domain;

/**
 * A round's life: OPEN until its deadline, then REMINDED (the unanswered were reminded) until the
 * reminder period ends, then CLOSED (the still unanswered are flagged).
 */
public enum RoundStatus { OPEN, REMINDED, CLOSED }
