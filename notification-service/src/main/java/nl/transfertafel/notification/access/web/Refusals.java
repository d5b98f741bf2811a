package nl.transfertafel.notification.access.web;

import nl.transfertafel.notification.access.application.Refusal;
import nl.transfertafel.platform.web.ProblemException;

/** Turns an application refusal into the platform's problem+json answer. */
public final class Refusals {

    private Refusals() {
    }

    public static Throwable asProblem(Throwable error) {
        if (!(error instanceof Refusal refusal)) {
            return error;
        }
        return switch (refusal.kind()) {
            case INVALID -> ProblemException.invalid(refusal.field() == null ? "body" : refusal.field(), refusal.rule(),
                    refusal.getMessage());
            case FORBIDDEN -> ProblemException.forbidden(refusal.rule(), refusal.getMessage());
            case NOT_FOUND -> ProblemException.notFound(refusal.getMessage());
            case CONFLICT -> ProblemException.conflict(refusal.rule(), refusal.getMessage());
        };
    }
}
