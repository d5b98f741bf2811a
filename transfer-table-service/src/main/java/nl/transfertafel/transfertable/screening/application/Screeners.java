package nl.transfertafel.transfertable.screening.application;

import java.util.stream.Collectors;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.transfertable.screening.domain.Screener;
import reactor.util.retry.Retry;

/** What every four-eyes decision (proposals and waiting-list screenings) needs at the edge of its domain. */
public final class Screeners {

    /** How often a decision is tried again on a fresh copy when another coordinator's decision won the race. */
    public static final int ATTEMPTS = 5;

    private Screeners() {
    }

    /** The person attempting a decision, as their token says. */
    public static Screener screener(Actor actor) {
        return new Screener(actor.userId(), actor.roles().stream().map(Enum::name).collect(Collectors.toSet()),
                actor.organisation(), actor.region());
    }

    /**
     * Two coordinators deciding at the same moment both read the same version; the second write
     * finds it changed. That is no conflict for a person to resolve: the decision is taken again on
     * the fresh copy, so each gets the policy's own answer (issue 11 item 20), a bounded number
     * of times.
     */
    public static Retry concurrentUpdates() {
        return Retry.max(ATTEMPTS - 1)
                .filter(e -> e instanceof Refused refused && refused.isLostRace())
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }
}
