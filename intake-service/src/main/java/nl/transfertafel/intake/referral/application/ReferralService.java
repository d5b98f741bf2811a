package nl.transfertafel.intake.referral.application;

import java.time.Clock;
import nl.transfertafel.intake.referral.domain.ClientPseudonyms;
import nl.transfertafel.intake.referral.domain.Referral;
import nl.transfertafel.intake.referral.domain.ReferralRequest;
import nl.transfertafel.intake.referral.infrastructure.ReferralRepository;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.security.Actor;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Registers referrals: the referral row and its ReferralReceived event commit together or not at all. */
public class ReferralService {

    private final ReferralRepository referrals;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final ClientPseudonyms pseudonyms;
    private final Clock clock;

    public ReferralService(ReferralRepository referrals, Outbox outbox, TransactionalOperator tx,
            ClientPseudonyms pseudonyms, Clock clock) {
        this.referrals = referrals;
        this.outbox = outbox;
        this.tx = tx;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    public Mono<Referral> register(Actor gp, ReferralRequest request) {
        return Mono.defer(() -> {
            Referral.Registered registered = Referral.register(request, gp.organisation(), gp.region(), pseudonyms, clock);
            return referrals.insert(registered.referral())
                    .then(outbox.append(registered.event()))
                    .thenReturn(registered.referral());
        }).as(tx::transactional);
    }
}
