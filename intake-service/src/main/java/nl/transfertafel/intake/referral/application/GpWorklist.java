package nl.transfertafel.intake.referral.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.client.infrastructure.PersonalDataRepository;
import nl.transfertafel.intake.referral.domain.Referral;
import nl.transfertafel.intake.referral.infrastructure.ReferralRepository;
import nl.transfertafel.intake.transfer.infrastructure.TransferProgressRepository;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The GP's view: the GP stays responsible while the client waits for intake (seeds 000:839-841), so
 * it sees where each of its referred clients stands. Only the practice's own referrals, and every
 * client shown is an audited read of personal data.
 */
public class GpWorklist {

    static final String PURPOSE = "gp-worklist";

    private final ReferralRepository referrals;
    private final WaitingEntryRepository entries;
    private final TransferProgressRepository transfers;
    private final PersonalDataRepository personalData;
    private final EntryChanges changes;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public GpWorklist(ReferralRepository referrals, WaitingEntryRepository entries, TransferProgressRepository transfers,
            PersonalDataRepository personalData, EntryChanges changes, AuditLog audit, TransactionalOperator tx,
            Clock clock) {
        this.referrals = referrals;
        this.entries = entries;
        this.transfers = transfers;
        this.personalData = personalData;
        this.changes = changes;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<List<ReferralOverview>> list(Actor gp, boolean activeOnly, int limit, int offset) {
        return referrals.byReferrer(gp.organisation(), activeOnly, limit, offset).collectList()
                .flatMap(page -> overviews(gp, page, "read-worklist"))
                .as(tx::transactional);
    }

    public Mono<ReferralOverview> get(Actor gp, UUID referralId) {
        return referrals.find(referralId)
                .filter(referral -> referral.referrerAgb().equals(gp.organisation()))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("referral " + referralId)))
                .flatMap(referral -> overviews(gp, List.of(referral), "read-referral"))
                .map(found -> found.get(0))
                .as(tx::transactional);
    }

    /** The GP withdraws its referral (coded reason); only while the client still waits. */
    public Mono<WaitingEntry> withdraw(Actor gp, UUID referralId, WithdrawalReason reason, Long expectedVersion) {
        return changes.byActor(gp, referralId, entry -> entry.referrerAgb().equals(gp.organisation()), expectedVersion,
                "withdraw-referral", PURPOSE, entry -> entry.withdraw(reason, clock));
    }

    private Mono<List<ReferralOverview>> overviews(Actor gp, List<Referral> page, String action) {
        List<UUID> ids = page.stream().map(Referral::id).toList();
        // one after the other: they share the transaction's connection
        return entries.findAll(ids).flatMap(entryById -> transfers.findAll(ids).flatMap(transferById ->
                personalData.findAll(ids).flatMap(clientById -> {
                    List<ReferralOverview> overviews = page.stream()
                            .map(referral -> new ReferralOverview(referral, entryById.get(referral.id()),
                                    transferById.get(referral.id()), clientById.get(referral.id())))
                            .toList();
                    return Flux.fromIterable(overviews)
                            .concatMap(overview -> audit.record(gp, overview.referral().clientPseudonym(), action, PURPOSE))
                            .then(Mono.just(overviews));
                })));
    }
}
