package nl.transfertafel.contracts.events.transfer;

import java.util.List;
import nl.transfertafel.contracts.events.EventPayload;

/** The events transfer-table-service publishes. */
public final class TransferEvents {

    public static final List<Class<? extends EventPayload>> TYPES = List.of(
            TransferProposed.class,
            ProposalScreened.class,
            TransferOffered.class,
            OfferResponded.class,
            TransferCompleted.class,
            TransferEnded.class,
            TransferBlocked.class,
            EscalationOpened.class,
            EscalationResolved.class,
            ScreeningOverdue.class);

    private TransferEvents() {
    }
}
