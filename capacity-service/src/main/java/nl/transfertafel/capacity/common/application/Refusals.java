package nl.transfertafel.capacity.common.application;

import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.platform.refusal.Refused;

/**
 * Turns the domain's verdict ({@link Refusal}, plain Java) into the platform's one application-level
 * refusal, which the service throws so the transaction rolls back; the platform answers it as
 * problem+json and consumers log it.
 */
public final class Refusals {

    private Refusals() {
    }

    public static Refused refused(Refusal refusal) {
        return switch (refusal.kind()) {
            case INVALID -> Refused.invalid(refusal.field(), refusal.rule(), refusal.detail());
            case FORBIDDEN -> Refused.forbidden(refusal.rule(), refusal.detail());
            case NOT_FOUND -> Refused.notFound(refusal.detail());
            case CONFLICT -> Refused.conflict(refusal.rule(), refusal.detail());
        };
    }
}
