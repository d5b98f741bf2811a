package nl.transfertafel.transfertable.escalation.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import nl.transfertafel.contracts.events.transfer.EscalationOpened;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/**
 * When a waiting client becomes an escalation case (domain rule 9, 000:543-551):
 * <ul>
 *   <li>an urgent client without a match (no open proposal or offer) for {@code urgentAfter}
 *       (default 7 days) after registration: to the regional escalation authority
 *       (doorzettingsmacht), because urgency cannot wait for mediation rounds;</li>
 *   <li>any client for whom no eligible capacity exists in the region {@code noCapacityAfter}
 *       (default 6 weeks) after registration: to the insurer's care mediation (out of region,
 *       e-health, purchase of care).</li>
 * </ul>
 * Only clients the transfer table may handle (waiting, consented to screening, not transferred)
 * are considered; each client escalates at most once per reason.
 */
public final class EscalationPolicy {

    private final Duration noCapacityAfter;
    private final Duration urgentAfter;

    public EscalationPolicy(Duration noCapacityAfter, Duration urgentAfter) {
        this.noCapacityAfter = noCapacityAfter;
        this.urgentAfter = urgentAfter;
    }

    public record Case(EscalationOpened.Reason reason, EscalationOpened.Route route, int daysWaited) {
    }

    /**
     * @param inOpenProposal   the client is in an open proposal or offer (a match)
     * @param eligibleCapacity the client has at least one eligible line with a free place in the region
     */
    public Optional<Case> check(WaitingClient client, boolean handledByTable, boolean inOpenProposal,
            boolean eligibleCapacity, LocalDate today) {
        if (!handledByTable || inOpenProposal || client.registeredOn() == null) {
            return Optional.empty();
        }
        long daysWaited = Math.max(0, ChronoUnit.DAYS.between(client.registeredOn(), today));
        if (client.urgent() && daysWaited >= urgentAfter.toDays()) {
            return Optional.of(new Case(EscalationOpened.Reason.URGENT_WITHOUT_MATCH,
                    EscalationOpened.Route.ESCALATION_AUTHORITY, (int) daysWaited));
        }
        if (!eligibleCapacity && daysWaited >= noCapacityAfter.toDays()) {
            return Optional.of(new Case(EscalationOpened.Reason.NO_ELIGIBLE_CAPACITY,
                    EscalationOpened.Route.INSURER_MEDIATION, (int) daysWaited));
        }
        return Optional.empty();
    }
}
