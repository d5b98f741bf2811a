package nl.transfertafel.transfertable.waitinglist.application;

import java.time.Clock;
import java.util.function.Function;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.transfertable.matching.application.MatchTrigger;
import nl.transfertafel.transfertable.screening.application.Screeners;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.waitinglist.domain.WaitingListScreening;
import nl.transfertafel.transfertable.waitinglist.infrastructure.WaitingListScreeningRepository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Waiting-list screening by coordinators, under the same four-eyes policy as proposals. Every
 * decision (allowed or refused) is audited. A confirmed "not suitable for transfer" keeps the
 * client out of matching; a later confirmed screening of the same client supersedes it.
 */
public class WaitingListScreeningService {

    private final WaitingListScreeningRepository screenings;
    private final ReadModelRepository readModel;
    private final FourEyesPolicy fourEyes;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final MatchTrigger trigger;
    private final Clock clock;

    public WaitingListScreeningService(WaitingListScreeningRepository screenings, ReadModelRepository readModel,
            FourEyesPolicy fourEyes, AuditLog audit, TransactionalOperator tx, MatchTrigger trigger, Clock clock) {
        this.screenings = screenings;
        this.readModel = readModel;
        this.fourEyes = fourEyes;
        this.audit = audit;
        this.tx = tx;
        this.trigger = trigger;
        this.clock = clock;
    }

    public record Decided(WaitingListScreening screening, String reason) {
    }

    public Mono<Decided> mark(Actor actor, String referralId, WaitingListScreening.Verdict verdict,
            WaitingListScreening.Reason reason) {
        return readModel.client(referralId)
                .filter(client -> actor.worksIn(client.region()))
                .switchIfEmpty(Mono.error(Refused.notFound("the waiting client of referralId")))
                .flatMap(client -> {
                    WaitingListScreening.Outcome outcome = WaitingListScreening.mark(client.region(), referralId,
                            client.clientPseudonym(), client.currentProviderAgb(), verdict, reason,
                            Screeners.screener(actor), fourEyes, clock);
                    if (outcome instanceof WaitingListScreening.Refused) {
                        return store(actor, client.clientPseudonym(), null, outcome, "waiting-list.mark:" + verdict);
                    }
                    return screenable(referralId, client.screeningConsent())
                            .then(store(actor, client.clientPseudonym(), null, outcome, "waiting-list.mark:" + verdict));
                });
    }

    public Mono<Decided> confirm(Actor actor, String screeningId) {
        return Mono.defer(() -> screenings.find(screeningId)
                        .switchIfEmpty(Mono.error(Refused.notFound("the waiting-list screening")))
                        // consent may have been withdrawn since the marking: check it again
                        .flatMap(before -> readModel.client(before.referralId())
                                .switchIfEmpty(Mono.error(Refused.notFound("the screening's waiting client")))
                                .flatMap(client -> screenable(before.referralId(), client.screeningConsent()))
                                .then(decide(actor, screeningId, s -> s.confirm(Screeners.screener(actor),
                                        fourEyes, clock), "waiting-list.confirm"))))
                .retryWhen(Screeners.concurrentUpdates());
    }

    /**
     * A client is screened by the table only with their consent (asked by the GP at referral), as
     * in matching and manual proposals (issue 11 item 5), and only once their placement is known:
     * until intake's waiting entry arrives the client's current provider is unknown, and the
     * four-eyes organisation rule would have nothing to compare (item 2).
     */
    private Mono<Void> screenable(String referralId, boolean consent) {
        if (!consent) {
            return Mono.error(Refused.conflict("no-screening-consent", "The client did not consent to screening by"
                    + " the transfer table; their waiting-list entry is not screened."));
        }
        return readModel.placementKnown(referralId).flatMap(known -> known ? Mono.<Void>empty()
                : Mono.error(Refused.conflict("placement-unknown", "The client's waiting entry (their current"
                        + " provider) has not reached the transfer table yet; try again shortly.")));
    }

    public Mono<Decided> dismiss(Actor actor, String screeningId, WaitingListScreening.Reason reason) {
        return decide(actor, screeningId, s -> s.dismiss(Screeners.screener(actor), reason, fourEyes, clock),
                "waiting-list.dismiss").retryWhen(Screeners.concurrentUpdates());
    }

    private Mono<Decided> decide(Actor actor, String screeningId,
            Function<WaitingListScreening, WaitingListScreening.Outcome> command, String action) {
        return screenings.find(screeningId)
                .switchIfEmpty(Mono.error(Refused.notFound("the waiting-list screening")))
                .flatMap(before -> store(actor, before.clientPseudonym(), before, command.apply(before), action));
    }

    private Mono<Decided> store(Actor actor, String pseudonym, WaitingListScreening before,
            WaitingListScreening.Outcome outcome, String action) {
        if (outcome instanceof WaitingListScreening.Refused refused) {
            return tx.transactional(audit.record(actor, pseudonym, action + ".refused:"
                            + refused.decision().rule().code(), "waiting-list screening"))
                    .then(Mono.error(Refused.forbidden(refused.decision().rule().code(), refused.decision().reason())));
        }
        if (outcome instanceof WaitingListScreening.Illegal illegal) {
            return Mono.error(Refused.conflict("illegal-transition", illegal.message()));
        }
        WaitingListScreening.Changed changed = (WaitingListScreening.Changed) outcome;
        WaitingListScreening after = changed.screening();
        Mono<Void> write = before == null
                ? screenings.insert(after).onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
                        e -> Refused.conflict("screening-open", "This client already has an open waiting-list"
                                + " screening; confirm or dismiss that one first."))
                : screenings.update(before, after).flatMap(stored -> stored ? Mono.<Void>empty()
                        : Mono.error(Refused.conflict(Refused.CONCURRENT_UPDATE,
                                "Someone else decided this screening at the same moment; reload and try again.")));
        return tx.transactional(write
                .then(audit.record(actor, pseudonym, action + ":" + after.screeningId() + ":" + after.state(),
                        "waiting-list screening"))
                .then(after.state() == WaitingListScreening.State.CONFIRMED ? trigger.afterCommit(after.region())
                        : Mono.empty())
                .thenReturn(new Decided(after, changed.reason())));
    }
}
