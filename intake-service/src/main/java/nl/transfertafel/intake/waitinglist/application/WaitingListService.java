package nl.transfertafel.intake.waitinglist.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.client.infrastructure.PersonalDataRepository;
import nl.transfertafel.intake.referral.infrastructure.ReferralRepository;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.security.Actor;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A provider's waiting list: only the entries placed at the provider of the token. The provider
 * records intake and start of treatment, withdraws clients with a coded reason, and sets or confirms
 * the waiting status; every change is a {@code WaitingEntryChanged} event.
 */
public class WaitingListService {

    static final String PURPOSE = "waiting-list";

    private final WaitingEntryRepository entries;
    private final ReferralRepository referrals;
    private final PersonalDataRepository personalData;
    private final EntryChanges changes;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public WaitingListService(WaitingEntryRepository entries, ReferralRepository referrals,
            PersonalDataRepository personalData, EntryChanges changes, AuditLog audit, TransactionalOperator tx,
            Clock clock) {
        this.entries = entries;
        this.referrals = referrals;
        this.personalData = personalData;
        this.changes = changes;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<List<WaitingListItem>> list(Actor provider, boolean activeOnly, int limit, int offset) {
        return entries.atProvider(provider.organisation(), activeOnly, limit, offset).collectList()
                .flatMap(page -> {
                    List<UUID> ids = page.stream().map(WaitingEntry::referralId).toList();
                    return referrals.findAll(ids).flatMap(referralById -> personalData.findAll(ids).flatMap(clientById -> {
                        List<WaitingListItem> items = page.stream()
                                .map(entry -> new WaitingListItem(entry, referralById.get(entry.referralId()),
                                        clientById.get(entry.referralId())))
                                .toList();
                        return Flux.fromIterable(items)
                                .concatMap(item -> audit.record(provider, item.entry().clientPseudonym(),
                                        "read-waiting-list", PURPOSE))
                                .then(Mono.just(items));
                    }));
                })
                .as(tx::transactional);
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

    public Mono<WaitingEntry> confirmStatus(Actor provider, UUID referralId, Long expectedVersion) {
        return change(provider, referralId, expectedVersion, "confirm-waiting-status", entry -> entry.confirmStatus(clock));
    }

    private Mono<WaitingEntry> change(Actor provider, UUID referralId, Long expectedVersion, String action,
            java.util.function.Function<WaitingEntry, nl.transfertafel.intake.waitinglist.domain.EntryOutcome> command) {
        return changes.byActor(provider, referralId, entry -> entry.isAt(provider.organisation()), expectedVersion,
                action, PURPOSE, command);
    }
}
