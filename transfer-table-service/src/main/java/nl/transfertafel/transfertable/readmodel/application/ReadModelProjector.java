package nl.transfertafel.transfertable.readmodel.application;

import java.time.Clock;
import java.util.EnumSet;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.ContractChanged;
import nl.transfertafel.contracts.events.capacity.ProviderClosureAnnounced;
import nl.transfertafel.contracts.events.capacity.ProviderProfileChanged;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.events.capacity.ReservationChanged;
import nl.transfertafel.contracts.events.intake.ClientSupportChanged;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.ReferrerLinkChanged;
import nl.transfertafel.contracts.events.intake.ScreeningConsentChanged;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.screening.domain.OrganisationCode;
import reactor.core.publisher.Mono;

/**
 * Keeps the read model in step with the events of intake and capacity (each handler runs once per
 * event, in the consumer's transaction): waiting clients and entries, Treeknorm signals, lines,
 * providers, restrictions, contracts, whom a client named for client support and whether the practice
 * named as referrer confirmed the link, and whether the client still accepts transfer screening. It only projects: what follows from a change (a round, a
 * withdrawn offer, a lapsed proposal, a lifted block, a reservation's end) it names to its
 * {@link ReadModelListener}, which the proposal feature implements (ADR 0720).
 */
public class ReadModelProjector {

    private static final EnumSet<CapacityLineChanged.State> GONE =
            EnumSet.of(CapacityLineChanged.State.WITHDRAWN, CapacityLineChanged.State.EXPIRED);

    private final ReadModelRepository repository;
    private final ReadModelListener listener;
    private final Clock clock;

    public ReadModelProjector(ReadModelRepository repository, ReadModelListener listener, Clock clock) {
        this.repository = repository;
        this.listener = listener;
        this.clock = clock;
    }

    /** intake.referral-events */
    public Mono<Void> onReferralEvent(EventEnvelope event) {
        if (event.is(ReferralReceived.class)) {
            ReferralReceived referral = event.payloadAs(ReferralReceived.class);
            return repository.recordReferral(event.region(), referral, clock.instant())
                    .then(joinOpenClosures(referral.referralId()))
                    .then(listener.waitingListChanged(event.region()));
        }
        if (event.is(ClientSupportChanged.class)) {
            // who may act for the client on offers (item 6); stored normalised, compared normalised
            ClientSupportChanged support = event.payloadAs(ClientSupportChanged.class);
            OrganisationCode organisation = OrganisationCode.of(support.supportOrganisation());
            return repository.recordClientSupport(support.referralId(), support.clientPseudonym(),
                    organisation == null ? null : organisation.normalised(), event.occurredAt());
        }
        if (event.is(ReferrerLinkChanged.class)) {
            // whether the named practice may act on the referral's offers (item 7)
            ReferrerLinkChanged link = event.payloadAs(ReferrerLinkChanged.class);
            return repository.recordReferrerLink(link.referralId(), link.clientPseudonym(), link.referrerAgb(),
                    link.confirmed(), event.occurredAt());
        }
        if (event.is(ScreeningConsentChanged.class)) {
            // without consent the eligibility policy keeps the client out of rounds; proposals in screening end
            ScreeningConsentChanged consent = event.payloadAs(ScreeningConsentChanged.class);
            return repository.recordScreeningConsent(consent.referralId(), consent.screeningConsent(),
                            event.occurredAt(), clock.instant())
                    .flatMap(applied -> !applied ? Mono.<Void>empty()
                            : (consent.screeningConsent() ? Mono.<Void>empty()
                                    : listener.screeningConsentWithdrawn(event.region(), consent.referralId()))
                                    .then(listener.waitingListChanged(event.region())));
        }
        return Mono.empty();
    }

    /** intake.waiting-events: snapshots of waiting entries (newer version wins) and Treeknorm signals. */
    public Mono<Void> onWaitingEvent(EventEnvelope event) {
        if (event.is(WaitingEntryChanged.class)) {
            WaitingEntryChanged entry = event.payloadAs(WaitingEntryChanged.class);
            return repository.recordWaitingEntry(event.region(), entry, clock.instant())
                    .flatMap(applied -> !applied ? Mono.<Void>empty()
                            : joinOpenClosures(entry.referralId()).then(entry.stage() != WaitingEntryChanged.Stage.WAITING
                                    ? listener.clientLeftWaitingList(event.region(), entry.referralId()) : Mono.<Void>empty())
                                    .then(listener.waitingListChanged(event.region())));
        }
        if (event.is(TreeknormSignalled.class)) {
            return repository.recordTreeknorm(event.payloadAs(TreeknormSignalled.class))
                    .then(listener.waitingListChanged(event.region()));
        }
        return Mono.empty();
    }

    /** A client now at a closing provider joins its open closure case (late joiners, issue 15 item 2). */
    private Mono<Void> joinOpenClosures(String referralId) {
        return repository.joinOpenClosures(referralId, java.time.LocalDate.now(clock), clock.instant()).then();
    }

    /** capacity.events: lines, registry, stops and pauses, contracts, reservations. */
    public Mono<Void> onCapacityEvent(EventEnvelope event) {
        String region = event.region();
        if (event.is(CapacityAnnounced.class)) {
            return repository.recordCapacityAnnounced(region, event.payloadAs(CapacityAnnounced.class),
                    event.occurredAt(), clock.instant())
                    .flatMap(announced -> announced ? listener.regionChanged(region) : Mono.<Void>empty());
        }
        if (event.is(CapacityLineChanged.class)) {
            CapacityLineChanged line = event.payloadAs(CapacityLineChanged.class);
            return repository.recordCapacityLineChanged(region, line, event.occurredAt(), clock.instant())
                    .flatMap(previous -> (GONE.contains(line.state()) && !GONE.contains(previous)
                            ? listener.capacityLineGone(line.capacityLineId()) : Mono.<Void>empty())
                            .then(listener.regionChanged(region)));
        }
        if (event.is(ProviderProfileChanged.class)) {
            return repository.recordProvider(event.payloadAs(ProviderProfileChanged.class))
                    .then(listener.regionChanged(region));
        }
        if (event.is(RegistrationRestrictionChanged.class)) {
            return repository.recordRestriction(event.payloadAs(RegistrationRestrictionChanged.class), event.occurredAt())
                    .then(listener.regionChanged(region));
        }
        if (event.is(ContractChanged.class)) {
            ContractChanged contract = event.payloadAs(ContractChanged.class);
            return repository.recordContract(contract)
                    .flatMap(allows -> allows
                            ? listener.contractAllows(contract.insurerUzovi(), contract.providerAgb())
                            : Mono.<Void>empty())
                    .then(listener.regionChanged(region));
        }
        if (event.is(ProviderClosureAnnounced.class)) {
            // the closing provider's lines end by their own CapacityLineChanged; the members' regions match again
            return repository.recordClosure(region, event.payloadAs(ProviderClosureAnnounced.class),
                            event.occurredAt(), clock.instant())
                    .concatWith(Mono.just(region)).distinct()
                    .concatMap(listener::regionChanged).then();
        }
        if (event.is(ReservationChanged.class)) {
            ReservationChanged reservation = event.payloadAs(ReservationChanged.class);
            if (reservation.state() == ReservationChanged.State.EXPIRED
                    || reservation.state() == ReservationChanged.State.RELEASED) {
                return listener.reservationEnded(reservation.reservationId());
            }
            if (reservation.state() == ReservationChanged.State.HELD && reservation.proposalId() != null) {
                return listener.reservationHeld(reservation.proposalId(), reservation.reservationId());
            }
        }
        return Mono.empty();
    }
}
