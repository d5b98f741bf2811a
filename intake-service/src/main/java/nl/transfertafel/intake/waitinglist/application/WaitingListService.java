package nl.transfertafel.intake.waitinglist.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.waitinglist.domain.EntryOutcome;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;
import nl.transfertafel.platform.security.Actor;
import reactor.core.publisher.Mono;

/**
 * A provider's changes to its waiting list: only the entries placed at the provider of the token.
 * The provider records intake and start of treatment, withdraws clients with a coded reason, and sets
 * or confirms the waiting status; every change is a {@code WaitingEntryChanged} event. (Reading the
 * list, which joins referral and client, is {@code referral.application.ProviderList}.)
 */
public class WaitingListService {

    static final String PURPOSE = "waiting-list";

    private final EntryChanges changes;
    private final Clock clock;

    public WaitingListService(EntryChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public Mono<WaitingEntry> recordIntake(Actor provider, UUID referralId, LocalDate on, Long expectedVersion) {
        return change(provider, referralId, expectedVersion, "record-intake", entry -> entry.recordIntake(on, clock));
    }

    public Mono<WaitingEntry> startTreatment(Actor provider, UUID referralId, LocalDate on, Long expectedVersion) {
        return change(provider, referralId, expectedVersion, "start-treatment", entry -> entry.startTreatment(on, clock));
    }

    public Mono<WaitingEntry> withdraw(Actor provider, UUID referralId, WithdrawalReason reason, Long expectedVersion) {
        return change(provider, referralId, expectedVersion, "withdraw-entry", entry -> entry.withdraw(reason, clock));
    }

    public Mono<WaitingEntry> setStatus(Actor provider, UUID referralId, WaitingStatus status, Long expectedVersion) {
        return change(provider, referralId, expectedVersion, "set-waiting-status", entry -> entry.setStatus(status, clock));
    }

    public Mono<WaitingEntry> setLocation(Actor provider, UUID referralId, String locationId, Long expectedVersion) {
        return change(provider, referralId, expectedVersion, "set-location", entry -> entry.setLocation(locationId, clock));
    }

    public Mono<WaitingEntry> confirmStatus(Actor provider, UUID referralId, Long expectedVersion) {
        return change(provider, referralId, expectedVersion, "confirm-waiting-status", entry -> entry.confirmStatus(clock));
    }

    private Mono<WaitingEntry> change(Actor provider, UUID referralId, Long expectedVersion, String action,
            java.util.function.Function<WaitingEntry, EntryOutcome> command) {
        return changes.byActor(provider, referralId, entry -> entry.isAt(provider.organisation()), expectedVersion,
                action, PURPOSE, command);
    }
}
