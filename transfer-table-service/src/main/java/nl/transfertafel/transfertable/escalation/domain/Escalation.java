package nl.transfertafel.transfertable.escalation.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.transfer.EscalationOpened;
import nl.transfertafel.contracts.events.transfer.EscalationResolved;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/** An escalation case with its route and, once resolved, how. Its history is kept beside it. */
public record Escalation(
        String escalationId,
        String region,
        String referralId,
        String clientPseudonym,
        String insurerUzovi,
        String currentProviderAgb,
        String referrerAgb,
        EscalationOpened.Reason reason,
        EscalationOpened.Route route,
        int daysWaited,
        State state,
        EscalationResolved.Resolution resolution,
        String resolvedByOrganisation,
        Instant openedAt,
        Instant resolvedAt) {

    public enum State { OPEN, RESOLVED }

    /** One line of the case's history: what happened, when, by which organisation. */
    public record HistoryEntry(Instant at, String action, String detail, String organisation) {
    }

    public record Opened(Escalation escalation, NewEvent event, HistoryEntry history) {
    }

    public record Changed(Escalation escalation, List<NewEvent> events, HistoryEntry history) {
    }

    public static Opened open(WaitingClient client, EscalationPolicy.Case escalationCase, Clock clock) {
        Instant now = clock.instant();
        Escalation escalation = new Escalation(UUID.randomUUID().toString(), client.region(), client.referralId(),
                client.clientPseudonym(), client.insurerUzovi(), client.currentProviderAgb(), client.referrerAgb(),
                escalationCase.reason(), escalationCase.route(), escalationCase.daysWaited(), State.OPEN, null, null,
                now, null);
        NewEvent event = new NewEvent(UUID.randomUUID(), now, client.region(), escalation.escalationId(),
                new EscalationOpened(escalation.escalationId(), client.referralId(), client.clientPseudonym(),
                        client.insurerUzovi(), client.currentProviderAgb(), client.referrerAgb(), escalationCase.reason(),
                        escalationCase.route(), escalationCase.daysWaited()));
        return new Opened(escalation, event, new HistoryEntry(now, "OPENED",
                escalationCase.reason() + " after " + escalationCase.daysWaited() + " days; route " + escalationCase.route(),
                null));
    }

    /** Hands the case to the other route (for example from mediation to the escalation authority). */
    public Changed reroute(EscalationOpened.Route newRoute, String organisation, Clock clock) {
        requireOpen();
        Instant now = clock.instant();
        return new Changed(new Escalation(escalationId, region, referralId, clientPseudonym, insurerUzovi,
                currentProviderAgb, referrerAgb, reason, newRoute, daysWaited, state, null, null, openedAt, null),
                List.of(), new HistoryEntry(now, "ROUTED", route + " -> " + newRoute, organisation));
    }

    public Changed resolve(EscalationResolved.Resolution how, String organisation, Clock clock) {
        requireOpen();
        Instant now = clock.instant();
        NewEvent event = new NewEvent(UUID.randomUUID(), now, region, escalationId,
                new EscalationResolved(escalationId, referralId, clientPseudonym, insurerUzovi, referrerAgb, how,
                        organisation));
        return new Changed(new Escalation(escalationId, region, referralId, clientPseudonym, insurerUzovi,
                currentProviderAgb, referrerAgb, reason, route, daysWaited, State.RESOLVED, how, organisation, openedAt,
                now), List.of(event), new HistoryEntry(now, "RESOLVED", how.name(), organisation));
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("escalation " + escalationId + " is " + state);
        }
    }
}
