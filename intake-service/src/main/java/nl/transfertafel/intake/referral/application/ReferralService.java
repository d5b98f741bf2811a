package nl.transfertafel.intake.referral.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.contracts.vocabulary.Regions;
import nl.transfertafel.intake.client.domain.ClientPseudonyms;
import nl.transfertafel.intake.client.infrastructure.PersonalDataRepository;
import nl.transfertafel.intake.referral.domain.Referral;
import nl.transfertafel.intake.referral.domain.ReferralRequest;
import nl.transfertafel.intake.referral.infrastructure.ReferralRepository;
import nl.transfertafel.intake.restriction.domain.PlacementPolicy;
import nl.transfertafel.intake.restriction.infrastructure.RestrictionRepository;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Registers referrals: the referral, the client's encrypted personal data, the waiting entry, the
 * audit row and the two events (ReferralReceived, WaitingEntryChanged) commit together or not at
 * all. A GP's referral goes to the preferred provider unless a registration stop or pause is in the
 * way; an onboarded entry (a provider bringing in its existing list) is placed at that provider with
 * its original registration date.
 */
public class ReferralService {

    private static final String AGB = "\\d{8}";

    private final ReferralRepository referrals;
    private final PersonalDataRepository personalData;
    private final WaitingEntryRepository entries;
    private final RestrictionRepository restrictions;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final ClientPseudonyms pseudonyms;
    private final MeterRegistry meters;
    private final Clock clock;

    public ReferralService(ReferralRepository referrals, PersonalDataRepository personalData,
            WaitingEntryRepository entries, RestrictionRepository restrictions, Outbox outbox, AuditLog audit,
            TransactionalOperator tx, ClientPseudonyms pseudonyms, MeterRegistry meters, Clock clock) {
        this.referrals = referrals;
        this.personalData = personalData;
        this.entries = entries;
        this.restrictions = restrictions;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.pseudonyms = pseudonyms;
        this.meters = meters;
        this.clock = clock;
    }

    /** A GP refers a client; the GP's AGB code and region come from the token. */
    public Mono<Referral.Registered> refer(Actor gp, ReferralRequest request) {
        return Mono.defer(() -> {
            requireKnownOrganisation(gp, "referrerAgb");
            Referral.Registration registration = new Referral.Registration(gp.organisation(), gp.region(),
                    LocalDate.now(clock), Referral.Source.REFERRAL, gp.organisation());
            Mono<PlacementPolicy.Decision> placement = request.preferredProviderAgb() == null
                    ? Mono.just(PlacementPolicy.decide(null, request.diagnosisGroup(), List.of(), registration.registeredOn()))
                    : restrictions.activeFor(request.preferredProviderAgb()).collectList()
                            .map(active -> PlacementPolicy.decide(request.preferredProviderAgb(), request.diagnosisGroup(),
                                    active, registration.registeredOn()));
            return placement.flatMap(decision -> store(gp, Referral.register(request, registration, decision, pseudonyms,
                    clock), "register-referral", "referral"));
        });
    }

    /**
     * A provider brings a client of its existing waiting list in, so the region starts with the lists
     * it has: placed at that provider (whatever stop or pause it has now: the client is on its list
     * already), registered on the original date so the waiting time is real.
     */
    public Mono<Referral.Registered> onboard(Actor provider, ReferralRequest request, String referrerAgb,
            LocalDate registeredOn) {
        return Mono.defer(() -> {
            requireKnownOrganisation(provider, "providerAgb");
            ReferralRequest atProvider = new ReferralRequest(request.client(), request.insurerUzovi(),
                    request.diagnosisGroup(), request.careLevel(), request.urgency(), provider.organisation(),
                    request.preferences(), request.screeningConsent(), null);
            Referral.Registration registration = new Referral.Registration(referrerAgb, provider.region(), registeredOn,
                    Referral.Source.ONBOARDING, provider.organisation());
            PlacementPolicy.Decision placed = PlacementPolicy.decide(provider.organisation(), request.diagnosisGroup(),
                    List.of(), registeredOn);
            return store(provider, Referral.register(atProvider, registration, placed, pseudonyms, clock),
                    "onboard-waiting-entry", "onboarding");
        });
    }

    private Mono<Referral.Registered> store(Actor actor, Referral.Registered registered, String action, String purpose) {
        Referral referral = registered.referral();
        return referrals.insert(referral)
                .then(personalData.insert(referral.id(), registered.client()))
                .then(entries.insert(registered.entry()))
                .then(outbox.append(registered.events()))
                .then(audit.record(actor, referral.clientPseudonym(), action, purpose))
                .thenReturn(registered)
                .as(tx::transactional)
                .doOnNext(done -> {
                    meters.counter("transfertafel.referrals.registered", "region", referral.region(),
                            "source", referral.source().name().toLowerCase()).increment();
                    meters.counter("transfertafel.waiting-entries.changed", "region", referral.region(),
                            "change", done.entry().lastChange().name()).increment();
                });
    }

    /**
     * The organisation and region come from the token; they must be an AGB code and a known ggz
     * region, or nothing is registered.
     */
    private static void requireKnownOrganisation(Actor actor, String agbField) {
        List<Refused.Violation> violations = new java.util.ArrayList<>();
        if (actor.organisation() == null || !actor.organisation().matches(AGB)) {
            violations.add(new Refused.Violation(agbField, "Agb",
                    "your organisation (token claim 'org') must be an eight-digit AGB code"));
        }
        if (!Regions.isKnown(actor.region())) {
            violations.add(new Refused.Violation("region", "KnownRegion",
                    "your region (token claim 'region') is not a known ggz region"));
        }
        if (!violations.isEmpty()) {
            throw Refused.invalid(violations);
        }
    }
}
