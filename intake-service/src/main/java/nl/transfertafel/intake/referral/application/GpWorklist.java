package nl.transfertafel.intake.referral.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.client.domain.ClientDetails;
import nl.transfertafel.intake.client.domain.ClientPseudonyms;
import nl.transfertafel.intake.client.infrastructure.PersonalDataRepository;
import nl.transfertafel.intake.referral.domain.Referral;
import nl.transfertafel.intake.referral.infrastructure.ReferralRepository;
import nl.transfertafel.intake.transfer.infrastructure.TransferProgressRepository;
import nl.transfertafel.intake.validation.domain.Question;
import nl.transfertafel.intake.validation.infrastructure.ValidationRepository;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The GP's view: the GP stays responsible while the client waits for intake (seeds 000:839-841), so
 * it sees where each of its referred clients stands. Only the practice's own referrals, and every
 * client shown is an audited read of personal data. A practice named by a provider's onboarding sees
 * the entry but not who the client is until it confirms it referred the client (issue 11 item 7).
 */
public class GpWorklist {

    static final String PURPOSE = "gp-worklist";
    static final String SUPPORT_PURPOSE = "client-support";

    private final ReferralRepository referrals;
    private final WaitingEntryRepository entries;
    private final TransferProgressRepository transfers;
    private final PersonalDataRepository personalData;
    private final EntryChanges changes;
    private final Outbox outbox;
    private final ClientPseudonyms pseudonyms;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final ValidationRepository validation;
    private final Clock clock;

    public GpWorklist(ReferralRepository referrals, WaitingEntryRepository entries, TransferProgressRepository transfers,
            PersonalDataRepository personalData, EntryChanges changes, Outbox outbox, ClientPseudonyms pseudonyms,
            AuditLog audit, TransactionalOperator tx, ValidationRepository validation, Clock clock) {
        this.referrals = referrals;
        this.entries = entries;
        this.transfers = transfers;
        this.personalData = personalData;
        this.changes = changes;
        this.outbox = outbox;
        this.pseudonyms = pseudonyms;
        this.audit = audit;
        this.tx = tx;
        this.validation = validation;
        this.clock = clock;
    }

    public Mono<List<ReferralOverview>> list(Actor gp, boolean activeOnly, int limit, int offset) {
        return referrals.byReferrer(gp.organisation(), gp.region(), activeOnly, limit, offset).collectList()
                .flatMap(page -> overviews(gp, page, "read-worklist"))
                .as(tx::transactional);
    }

    public Mono<ReferralOverview> get(Actor gp, UUID referralId) {
        return own(gp, referrals.find(referralId), referralId)
                .flatMap(referral -> overviews(gp, List.of(referral), "read-referral"))
                .map(found -> found.get(0))
                .as(tx::transactional);
    }

    /** The GP withdraws its referral (coded reason); only while the client still waits. */
    public Mono<WaitingEntry> withdraw(Actor gp, UUID referralId, WithdrawalReason reason, Long expectedVersion) {
        return own(gp, referrals.find(referralId), referralId)
                .flatMap(GpWorklist::confirmed)
                .then(changes.byActor(gp, referralId, entry -> entry.referrerAgb().equals(gp.organisation()),
                        expectedVersion, "withdraw-referral", PURPOSE, entry -> entry.withdraw(reason, clock)));
    }

    /**
     * The referring GP names, changes or removes ({@code null}) the client-support organisation acting
     * for the client (issue 11 item 6). A change is announced ({@code ClientSupportChanged}) and audited
     * in the same transaction; naming the organisation already named changes nothing.
     */
    public Mono<Referral> changeClientSupport(Actor gp, UUID referralId, String organisation) {
        return own(gp, referrals.findForUpdate(referralId), referralId)
                .flatMap(GpWorklist::confirmed)
                .flatMap(referral -> referral.changeClientSupport(organisation, clock)
                        .map(change -> referrals.updateClientSupport(referralId, organisation)
                                .then(outbox.append(List.of(change.event())))
                                .then(audit.record(gp, referral.clientPseudonym(), "set-client-support", SUPPORT_PURPOSE))
                                .thenReturn(change.referral()))
                        .orElse(Mono.just(referral)))
                .as(tx::transactional);
    }

    /**
     * A GP of the practice a provider named when onboarding confirms that it referred the client, by
     * giving the client's BSN (it must know the client, not only the referral id). From then on the
     * practice sees who the client is and may act on the referral; the confirmation is announced
     * ({@code ReferrerLinkChanged}) in the same transaction, so the transfer table lets it answer offers.
     * Confirming again changes nothing.
     */
    public Mono<ReferralOverview> confirmReferrer(Actor gp, UUID referralId, String bsn) {
        return own(gp, referrals.findForUpdate(referralId), referralId)
                .flatMap(referral -> {
                    if (referral.referrerConfirmed()) {
                        return Mono.just(referral);
                    }
                    if (!pseudonyms.of(bsn).equals(referral.clientPseudonym())) {
                        return Mono.error(Refused.invalid("bsn", "SameClient",
                                "is not the BSN of the client of this referral"));
                    }
                    Referral.ReferrerConfirmed confirmation = referral.confirmReferrer(clock).orElseThrow();
                    return referrals.confirmReferrer(referralId)
                            .then(outbox.append(List.of(confirmation.event())))
                            .then(audit.record(gp, referral.clientPseudonym(), "confirm-referrer", PURPOSE))
                            .thenReturn(confirmation.referral());
                })
                .flatMap(referral -> overviews(gp, List.of(referral), "read-referral"))
                .map(found -> found.get(0))
                .as(tx::transactional);
    }

    /**
     * Only the practice's own referrals, in the GP's own region (the same AGB code with a token of
     * another region acts there, not here); another's is answered as not found (its existence is not
     * theirs to know).
     */
    private static Mono<Referral> own(Actor gp, Mono<Referral> referral, UUID referralId) {
        return referral.filter(found -> found.region().equals(gp.region())
                        && found.referrerAgb().equals(gp.organisation()))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("referral " + referralId)));
    }

    private static Mono<Referral> confirmed(Referral referral) {
        return referral.referrerConfirmed() ? Mono.just(referral) : Mono.error(Refused.conflict("referrer-unconfirmed",
                "Your practice was named as referrer when a provider brought this client in; confirm that you referred "
                        + "the client (POST .../confirm-referrer) before acting on the referral."));
    }

    private Mono<List<ReferralOverview>> overviews(Actor gp, List<Referral> page, String action) {
        List<UUID> ids = page.stream().map(Referral::id).toList();
        // personal data only of clients the practice confirmed it referred
        List<UUID> confirmed = page.stream().filter(Referral::referrerConfirmed).map(Referral::id).toList();
        List<String> clients = page.stream().map(Referral::clientPseudonym).distinct().toList();
        // one after the other: they share the transaction's connection
        return entries.findAll(ids).flatMap(entryById -> transfers.findAll(ids).flatMap(transferById ->
                entries.openByClient(clients).flatMap(openByClient ->
                validation.openQuestionsOf(ids).collectMap(Question::referralId).flatMap(questionById ->
                personalData.findAll(confirmed).flatMap(clientById -> {
                    List<ReferralOverview> overviews = page.stream()
                            .map(referral -> overview(referral, entryById.get(referral.id()),
                                    transferById.get(referral.id()), clientById.get(referral.id()), openByClient,
                                    questionById.get(referral.id())))
                            .toList();
                    return Flux.fromIterable(overviews)
                            .filter(overview -> overview.client() != null)
                            .concatMap(overview -> audit.record(gp, overview.referral().clientPseudonym(), action, PURPOSE))
                            .then(Mono.just(overviews));
                })))));
    }

    /**
     * The same person referred twice (two GPs, or a retry without Idempotency-Key) has one pseudonym:
     * the GP sees how many other referrals of the client are still open (issue 11 item 14), nothing of them.
     */
    private static ReferralOverview overview(Referral referral, WaitingEntry entry,
            nl.transfertafel.intake.transfer.domain.TransferProgress transfer, ClientDetails client,
            Map<String, Long> openByClient, Question question) {
        long open = openByClient.getOrDefault(referral.clientPseudonym(), 0L);
        long others = entry != null && entry.isOpen() ? open - 1 : open;
        return new ReferralOverview(referral, entry, transfer, client, Math.max(0, others), question);
    }
}
