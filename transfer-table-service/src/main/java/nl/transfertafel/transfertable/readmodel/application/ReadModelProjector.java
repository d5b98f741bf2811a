package nl.transfertafel.transfertable.readmodel.application;

import java.time.Clock;
import java.util.EnumSet;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.ContractChanged;
import nl.transfertafel.contracts.events.capacity.ProviderProfileChanged;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.events.capacity.ReservationChanged;
import nl.transfertafel.contracts.events.intake.ClientSupportChanged;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.ReferrerLinkChanged;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.transfertable.matching.application.MatchTrigger;
import nl.transfertafel.transfertable.matching.infrastructure.BlockRepository;
import nl.transfertafel.transfertable.proposal.application.OfferService;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.screening.domain.OrganisationCode;
import reactor.core.publisher.Mono;

/**
 * Keeps the read model in step with the events of intake and capacity (each handler runs once per
 * event, in the consumer's transaction), reacts where a change ends a proposal, and asks for a
 * debounced matching round of the event's region once the change is committed. Also records whom a
 * client named for client support, whether the practice named as referrer confirmed the link, and a
 * reservation capacity-service made for a proposal whose reply was lost (so the TransferEnded that may
 * follow names it).
 */
public class ReadModelProjector {

    private static final EnumSet<CapacityLineChanged.State> GONE =
            EnumSet.of(CapacityLineChanged.State.WITHDRAWN, CapacityLineChanged.State.EXPIRED);

    private final ReadModelRepository repository;
    private final BlockRepository blocks;
    private final OfferService offers;
    private final MatchTrigger trigger;
    private final Clock clock;

    public ReadModelProjector(ReadModelRepository repository, BlockRepository blocks, OfferService offers,
            MatchTrigger trigger, Clock clock) {
        this.repository = repository;
        this.blocks = blocks;
        this.offers = offers;
        this.trigger = trigger;
        this.clock = clock;
    }

    /** intake.referral-events */
    public Mono<Void> onReferralEvent(EventEnvelope event) {
        if (event.is(ReferralReceived.class)) {
            return repository.recordReferral(event.region(), event.payloadAs(ReferralReceived.class), clock.instant())
                    .then(trigger.afterCommit(event.region()));
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
        return Mono.empty();
    }

    /** intake.waiting-events: snapshots of waiting entries (newer version wins) and Treeknorm signals. */
    public Mono<Void> onWaitingEvent(EventEnvelope event) {
        if (event.is(WaitingEntryChanged.class)) {
            WaitingEntryChanged entry = event.payloadAs(WaitingEntryChanged.class);
            return repository.recordWaitingEntry(event.region(), entry, clock.instant())
                    .flatMap(applied -> !applied ? Mono.<Void>empty()
                            : (entry.stage() != WaitingEntryChanged.Stage.WAITING
                                    ? offers.withdrawForClient(entry.referralId()) : Mono.<Void>empty())
                                    .then(trigger.afterCommit(event.region())));
        }
        if (event.is(TreeknormSignalled.class)) {
            return repository.recordTreeknorm(event.payloadAs(TreeknormSignalled.class))
                    .then(trigger.afterCommit(event.region()));
        }
        return Mono.empty();
    }

    /** capacity.events: lines, registry, stops and pauses, contracts, reservations. */
    public Mono<Void> onCapacityEvent(EventEnvelope event) {
        String region = event.region();
        if (event.is(CapacityAnnounced.class)) {
            return repository.recordCapacityAnnounced(region, event.payloadAs(CapacityAnnounced.class),
                    event.occurredAt(), clock.instant())
                    .flatMap(announced -> announced ? trigger.afterCommit(region) : Mono.<Void>empty());
        }
        if (event.is(CapacityLineChanged.class)) {
            CapacityLineChanged line = event.payloadAs(CapacityLineChanged.class);
            return repository.recordCapacityLineChanged(region, line, event.occurredAt(), clock.instant())
                    .flatMap(previous -> (GONE.contains(line.state()) && !GONE.contains(previous)
                            ? offers.lapseHoldingOnLine(line.capacityLineId()) : Mono.<Void>empty())
                            .then(trigger.afterCommit(region)));
        }
        if (event.is(ProviderProfileChanged.class)) {
            return repository.recordProvider(event.payloadAs(ProviderProfileChanged.class))
                    .then(trigger.afterCommit(region));
        }
        if (event.is(RegistrationRestrictionChanged.class)) {
            return repository.recordRestriction(event.payloadAs(RegistrationRestrictionChanged.class), event.occurredAt())
                    .then(trigger.afterCommit(region));
        }
        if (event.is(ContractChanged.class)) {
            ContractChanged contract = event.payloadAs(ContractChanged.class);
            return repository.recordContract(contract)
                    .flatMap(allows -> allows
                            ? blocks.lift(contract.insurerUzovi(), contract.providerAgb(), clock.instant()).then()
                            : Mono.<Void>empty())
                    .then(trigger.afterCommit(region));
        }
        if (event.is(ReservationChanged.class)) {
            ReservationChanged reservation = event.payloadAs(ReservationChanged.class);
            if (reservation.state() == ReservationChanged.State.EXPIRED
                    || reservation.state() == ReservationChanged.State.RELEASED) {
                return offers.reservationEnded(reservation.reservationId());
            }
            if (reservation.state() == ReservationChanged.State.HELD && reservation.proposalId() != null) {
                return offers.reservationKnown(reservation.proposalId(), reservation.reservationId());
            }
        }
        return Mono.empty();
    }
}
