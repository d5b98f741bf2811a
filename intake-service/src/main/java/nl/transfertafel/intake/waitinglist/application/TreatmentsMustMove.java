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
 * <p>Location: a location closure moves only the treatments the provider placed at that location
 * ({@code PUT /waiting-list/{id}/location}). A client whose location intake does not know keeps its care: taking a
 * client out of treatment at a location that stays open would do harm, while the transfer table's case lists that
 * client as "location unknown" (ADR 1421) for the coordinators and the provider to settle.
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
        return entries.inCareAt(closure.providerAgb(), groups, closure.locationId())
                .concatMap(id -> changes.bySystem(id, entry -> entry.treatmentMustMove(closure.endDate(), clock)))
                .then();
    }
}
