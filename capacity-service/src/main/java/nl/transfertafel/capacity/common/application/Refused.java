package nl.transfertafel.capacity.common.application;

import nl.transfertafel.capacity.common.domain.Refusal;

/**
 * Thrown by an application service when the domain refused a command, so the transaction rolls back;
 * the web edge answers it as problem+json and consumers log it.
 */
public class Refused extends RuntimeException {

    private final transient Refusal refusal;

    public Refused(Refusal refusal) {
        super(refusal.rule() + ": " + refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
