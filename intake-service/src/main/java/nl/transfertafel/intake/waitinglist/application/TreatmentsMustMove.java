package nl.transfertafel.intake.waitinglist.application;

import java.time.Clock;
import java.util.List;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.capacity.ProviderClosureAnnounced;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import reactor.core.publisher.Mono;

/**
 * A provider closes a location or stops a care programme (capacity-service's ProviderClosureAnnounced, issue 15
 * item 2): its clients in intake or treatment in scope must move. Each entry takes the lifecycle's
 * TREATMENT_MUST_MOVE transition, so it waits again and the transfer table matches it like a waiting client,
 * with a Treeknorm clock from the closure's end date (ADR 1431). Runs in the consumer's transaction, once per
 * event (the platform's idempotent consumer); an entry that moved already refuses the transition, so a second
 * announcement changes nothing.
 *
 * <p>Location: intake does not know at which of the provider's locations a client is treated, so a location
 * closure takes in the provider's clients in scope, as the transfer table's closure case does (ADR 1421).
 */
public class TreatmentsMustMove {

    private final WaitingEntryRepository entries;
    private final EntryChanges changes;
    private final Clock clock;

    public TreatmentsMustMove(WaitingEntryRepository entries, EntryChanges changes, Clock clock) {
        this.entries = entries;
        this.changes = changes;
        this.clock = clock;
    }

    public Mono<Void> onCapacityEvent(EventEnvelope event) {
        if (!event.is(ProviderClosureAnnounced.class)) {
            return Mono.empty();
        }
        ProviderClosureAnnounced closure = event.payloadAs(ProviderClosureAnnounced.class);
        List<String> groups = closure.diagnosisGroups() == null ? List.of()
                : closure.diagnosisGroups().stream().map(DiagnosisGroup::name).toList();
        return entries.inCareAt(closure.providerAgb(), groups)
                .concatMap(id -> changes.bySystem(id, entry -> entry.treatmentMustMove(closure.endDate(), clock)))
                .then();
    }
}
