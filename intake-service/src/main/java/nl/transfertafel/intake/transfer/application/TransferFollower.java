package nl.transfertafel.intake.transfer.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.transfer.TransferCompleted;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.contracts.events.transfer.TransferOffered;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.intake.transfer.domain.TransferProgress;
import nl.transfertafel.intake.transfer.infrastructure.TransferProgressRepository;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Follows the transfer table's proposals for our referrals, so the GP sees a transfer proposed,
 * offered, ended or completed. A completed transfer moves the waiting entry to the receiving
 * provider (change MOVED, placement PLACED) with its original registration date, once: a
 * redelivered event is skipped by the platform's idempotent consumer, and a second completion of
 * the same proposal (another event id) finds the proposal completed already.
 */
public class TransferFollower {

    private static final Logger log = LoggerFactory.getLogger(TransferFollower.class);

    private final TransferProgressRepository progress;
    private final EntryChanges changes;
    private final Clock clock;

    public TransferFollower(TransferProgressRepository progress, EntryChanges changes, Clock clock) {
        this.progress = progress;
        this.changes = changes;
        this.clock = clock;
    }

    public Mono<Void> onTransferEvent(EventEnvelope event) {
        if (event.is(TransferProposed.class)) {
            TransferProposed proposed = event.payloadAs(TransferProposed.class);
            return follow(proposed.referralId(), (id, current) -> TransferProgress.proposed(current, id,
                    proposed.proposalId(), proposed.receivingProviderAgb()), next -> Mono.empty());
        }
        if (event.is(TransferOffered.class)) {
            TransferOffered offered = event.payloadAs(TransferOffered.class);
            return follow(offered.referralId(), (id, current) -> TransferProgress.offered(current, id,
                    offered.proposalId(), offered.receivingProviderAgb()), next -> Mono.empty());
        }
        if (event.is(TransferEnded.class)) {
            TransferEnded ended = event.payloadAs(TransferEnded.class);
            return follow(ended.referralId(), (id, current) -> TransferProgress.ended(current, ended.proposalId(),
                    ended.outcome() == null ? null : ended.outcome().name()), next -> Mono.empty());
        }
        if (event.is(TransferCompleted.class)) {
            TransferCompleted completed = event.payloadAs(TransferCompleted.class);
            return follow(completed.referralId(), (id, current) -> TransferProgress.completed(current, id,
                            completed.proposalId(), completed.receivingProviderAgb(), completed.handoverContact(),
                            completed.completedOn()),
                    next -> changes.bySystem(next.referralId(),
                                    entry -> entry.moveTo(completed.receivingProviderAgb(), completed.completedOn(), clock))
                            .doOnNext(moved -> {
                                if (moved.isEmpty()) {
                                    log.info("transfer {} completed for referral {}, entry not moved (no longer waiting "
                                            + "or already there)", completed.proposalId(), next.referralId());
                                }
                            })
                            .then());
        }
        return Mono.empty();
    }

    private interface Step {
        Optional<TransferProgress> next(UUID referralId, TransferProgress current);
    }

    /** Applies one step for a referral of ours (others' referrals are ignored), then its effect. */
    private Mono<Void> follow(String referralId, Step step, Function<TransferProgress, Mono<Void>> effect) {
        UUID id;
        try {
            id = UUID.fromString(referralId);
        } catch (IllegalArgumentException notOurs) {
            return Mono.empty();
        }
        return progress.lockReferral(id).flatMap(ours -> {
            if (!ours) {
                return Mono.empty();
            }
            return progress.find(id)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(current -> step.next(id, current.orElse(null))
                            .map(next -> progress.save(next).then(effect.apply(next)))
                            .orElse(Mono.empty()));
        });
    }
}
