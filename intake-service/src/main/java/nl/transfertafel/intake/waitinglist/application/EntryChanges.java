package nl.transfertafel.intake.waitinglist.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.transfertafel.intake.waitinglist.domain.EntryOutcome;
import nl.transfertafel.intake.waitinglist.domain.Refusal;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The one way a waiting entry changes: load it, let the entry decide, write it back only if nobody
 * changed it meanwhile (version check), and append its {@code WaitingEntryChanged} snapshot to the
 * outbox in the same transaction. People (GPs, providers) get problems for refusals and a 409 when
 * they lose a race; the system (events, jobs) retries a lost race and treats refusals as "nothing
 * to do".
 */
public class EntryChanges {

    private static final Logger log = LoggerFactory.getLogger(EntryChanges.class);
    private static final int SYSTEM_ATTEMPTS = 3;

    private final WaitingEntryRepository entries;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final MeterRegistry meters;

    public EntryChanges(WaitingEntryRepository entries, Outbox outbox, AuditLog audit, TransactionalOperator tx,
            MeterRegistry meters) {
        this.entries = entries;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.meters = meters;
    }

    /**
     * A change by a person. {@code mayChange} is the access rule (an entry the actor may not change
     * is answered as not found: its existence is not theirs to know). People act only in their own
     * region, whatever {@code mayChange} says: the same AGB code with a token of another region sees
     * nothing here (issue 11 item 17). With {@code expectedVersion} the change applies only to that
     * version of the entry.
     */
    public Mono<WaitingEntry> byActor(Actor actor, UUID referralId, Predicate<WaitingEntry> mayChange,
            Long expectedVersion, String action, String purpose, Function<WaitingEntry, EntryOutcome> command) {
        return entries.find(referralId)
                .filter(entry -> entry.region().equals(actor.region()) && mayChange.test(entry))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("waiting entry " + referralId)))
                .flatMap(entry -> {
                    if (expectedVersion != null && expectedVersion != entry.version()) {
                        return Mono.error(Refused.conflict("version-mismatch", "The entry is at version "
                                + entry.version() + ", not " + expectedVersion + ": reload it and decide again."));
                    }
                    EntryOutcome outcome = command.apply(entry);
                    if (outcome instanceof EntryOutcome.Refused refused) {
                        return Mono.error(problem(refused.refusal()));
                    }
                    EntryOutcome.Changed changed = (EntryOutcome.Changed) outcome;
                    return entries.update(changed.entry(), entry.version())
                            .flatMap(written -> written
                                    ? outbox.append(changed.event())
                                            .then(audit.record(actor, entry.clientPseudonym(), action, purpose))
                                            .thenReturn(changed.entry())
                                    : Mono.error(Refused.conflict(Refused.CONCURRENT_UPDATE,
                                            "Someone else changed this entry at the same time; reload it and try again.")));
                })
                .as(tx::transactional)
                .doOnNext(this::count);
    }

    /**
     * A change by the system (an event from another service, a scheduled job). Emits the changed
     * entry, or empty when the entry does not exist or refuses (nothing to do). A lost race is tried
     * again on the fresh entry. Joins the caller's transaction when there is one.
     */
    public Mono<Optional<WaitingEntry>> bySystem(UUID referralId, Function<WaitingEntry, EntryOutcome> command) {
        return attempt(referralId, command, 1).as(tx::transactional).doOnNext(changed -> changed.ifPresent(this::count));
    }

    private Mono<Optional<WaitingEntry>> attempt(UUID referralId, Function<WaitingEntry, EntryOutcome> command, int attempt) {
        return entries.find(referralId)
                .flatMap(entry -> {
                    EntryOutcome outcome = command.apply(entry);
                    if (outcome instanceof EntryOutcome.Refused refused) {
                        log.debug("entry {} unchanged: {}", referralId, refused.refusal().rule());
                        return Mono.just(Optional.<WaitingEntry>empty());
                    }
                    EntryOutcome.Changed changed = (EntryOutcome.Changed) outcome;
                    return entries.update(changed.entry(), entry.version()).flatMap(written -> {
                        if (written) {
                            return outbox.append(changed.event()).thenReturn(Optional.of(changed.entry()));
                        }
                        if (attempt >= SYSTEM_ATTEMPTS) {
                            return Mono.error(new IllegalStateException("entry " + referralId + " kept changing; giving up after "
                                    + attempt + " attempts"));
                        }
                        return attempt(referralId, command, attempt + 1);
                    });
                })
                .defaultIfEmpty(Optional.empty());
    }

    private void count(WaitingEntry entry) {
        meters.counter("transfertafel.waiting-entries.changed", "region", entry.region(), "change",
                entry.lastChange().name()).increment();
    }

    public static Refused problem(Refusal refusal) {
        return refusal.isInvalidInput()
                ? Refused.invalid(refusal.field(), refusal.rule(), refusal.message())
                : Refused.conflict(refusal.rule(), refusal.message());
    }
}
