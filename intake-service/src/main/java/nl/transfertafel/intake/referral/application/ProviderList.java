package nl.transfertafel.intake.referral.application;

import java.util.List;
import java.util.UUID;
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
 * A provider's waiting list as the provider reads it: the entries placed at the provider of the
 * token, with what was referred and who the client is (to invite them for intake). Every client
 * shown is an audited read of personal data. It lives with the referral (like the GP's worklist)
 * because it joins the referral, the entry and the client; the entry's changes stay in
 * {@code waitinglist}.
 */
public class ProviderList {

    static final String PURPOSE = "waiting-list";

    private final WaitingEntryRepository entries;
    private final ReferralRepository referrals;
    private final PersonalDataRepository personalData;
    private final AuditLog audit;
    private final TransactionalOperator tx;

    public ProviderList(WaitingEntryRepository entries, ReferralRepository referrals, PersonalDataRepository personalData,
            AuditLog audit, TransactionalOperator tx) {
        this.entries = entries;
        this.referrals = referrals;
        this.personalData = personalData;
        this.audit = audit;
        this.tx = tx;
    }

    public Mono<List<WaitingListItem>> list(Actor provider, boolean activeOnly, int limit, int offset) {
        return entries.atProvider(provider.organisation(), provider.region(), activeOnly, limit, offset).collectList()
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
}
