package nl.transfertafel.notification.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.transfertafel.contracts.events.EventCatalog;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.notification.testing.TestEvents;
import org.junit.jupiter.api.Test;

class RoutingPolicyTest {

    private final RoutingPolicy policy = new RoutingPolicy();
    private final TestEvents journey = new TestEvents("rotterdam", "01000001", "22000001", "22000002", "3311");

    @Test
    void the_gp_hears_that_its_referral_is_registered() {
        assertThat(route(journey.referralReceived())).containsExactly(
                told("01000001", Notice.REFERRAL_REGISTERED, SubjectKind.REFERRAL, journey.referralId));
    }

    @Test
    void a_breached_treeknorm_reaches_the_gp_and_the_provider_holding_the_entry() {
        assertThat(route(journey.treeknormBreached())).containsExactly(
                told("01000001", Notice.TREEKNORM_BREACHED, SubjectKind.REFERRAL, journey.referralId),
                told("22000001", Notice.TREEKNORM_BREACHED, SubjectKind.REFERRAL, journey.referralId));
    }

    @Test
    void the_gp_hears_when_intake_is_done_and_of_no_other_waiting_list_change() {
        assertThat(route(journey.intakeRecorded())).containsExactly(
                told("01000001", Notice.INTAKE_DONE, SubjectKind.REFERRAL, journey.referralId));
        WaitingEntryChanged status = journey.intakeRecorded().payloadAs(WaitingEntryChanged.class);
        WaitingEntryChanged confirmed = new WaitingEntryChanged(status.referralId(), status.clientPseudonym(),
                status.referrerAgb(), status.providerAgb(), status.placement(), status.waitingStatus(), status.stage(),
                WaitingEntryChanged.Change.STATUS_CONFIRMED, null, status.diagnosisGroup(), status.urgency(),
                status.registeredOn(), status.intakeOn(), null, status.statusConfirmedOn(), 4);
        assertThat(route(journey.envelope(status.referralId(), confirmed))).isEmpty();
    }

    @Test
    void a_proposal_tells_the_gp_and_grows_the_regions_screening_queue() {
        assertThat(route(journey.transferProposed())).containsExactly(
                told("01000001", Notice.TRANSFER_PROPOSED, SubjectKind.REFERRAL, journey.referralId),
                new Concern(new Recipient.RegionCoordinators("rotterdam"), Notice.SCREENING_QUEUE_GREW,
                        new Subject(SubjectKind.PROPOSAL, journey.proposalId)));
    }

    @Test
    void an_offer_tells_the_gp_the_receiving_provider_and_the_client() {
        assertThat(route(journey.transferOffered())).containsExactly(
                told("01000001", Notice.TRANSFER_OFFERED, SubjectKind.OFFER, journey.proposalId),
                told("22000002", Notice.OFFER_RECEIVED, SubjectKind.OFFER, journey.proposalId),
                new Concern(new Recipient.Client(journey.referralId), Notice.CLIENT_OFFER,
                        new Subject(SubjectKind.OFFER, journey.proposalId)));
    }

    @Test
    void a_completed_transfer_is_a_warm_handover_to_everyone_involved() {
        assertThat(route(journey.transferCompleted())).extracting(c -> c.recipient().key(), Concern::notice)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("01000001", Notice.TRANSFER_COMPLETED),
                        org.assertj.core.groups.Tuple.tuple("22000002", Notice.CLIENT_TRANSFERRED_IN),
                        org.assertj.core.groups.Tuple.tuple("22000001", Notice.CLIENT_TRANSFERRED_OUT),
                        org.assertj.core.groups.Tuple.tuple("client:" + journey.referralId, Notice.CLIENT_TRANSFER_COMPLETED));
        // everyone involved can open the offer: the GP, and both providers (warm handover)
        assertThat(route(journey.transferCompleted())).allSatisfy(concern ->
                assertThat(concern.subject()).isEqualTo(new Subject(SubjectKind.OFFER, journey.proposalId)));
    }

    @Test
    void the_regions_coordinators_are_reminded_of_an_overdue_screening() {
        assertThat(route(journey.screeningOverdue())).containsExactly(new Concern(
                new Recipient.RegionCoordinators("rotterdam"), Notice.SCREENING_OVERDUE,
                new Subject(SubjectKind.PROPOSAL, journey.proposalId)));
    }

    @Test
    void the_insurer_sees_transfers_blocked_by_its_contracts_and_escalations() {
        assertThat(route(journey.transferBlocked())).containsExactly(
                told("3311", Notice.TRANSFER_BLOCKED, SubjectKind.BLOCKED_TRANSFER, journey.referralId));
        assertThat(route(journey.escalationOpened())).extracting(c -> c.recipient().key())
                .containsExactly("3311", "01000001");
    }

    @Test
    void one_organisation_in_two_roles_hears_an_event_once() {
        TestEvents selfReferral = new TestEvents("rotterdam", "22000001", "22000001", "22000002", "3311");
        assertThat(route(selfReferral.treeknormBreached())).hasSize(1);
    }

    @Test
    void capacity_bookkeeping_concerns_nobody() {
        assertThat(route(journey.envelope("line-1", new CapacityLineChanged("line-1", "22000001", 2, 1, null, null,
                CapacityLineChanged.State.OPEN, CapacityLineChanged.Change.RESERVED, null, 2)))).isEmpty();
    }

    @Test
    void every_routed_event_type_is_subscribable_for_its_kind_of_recipient() {
        for (EventEnvelope event : List.of(journey.referralReceived(), journey.treeknormBreached(),
                journey.intakeRecorded(), journey.transferProposed(), journey.transferOffered(),
                journey.transferCompleted(), journey.screeningOverdue(), journey.transferBlocked(),
                journey.escalationOpened(), journey.restrictionChanged())) {
            for (Concern concern : route(event)) {
                assertThat(RoutingPolicy.eventTypesFor(concern.recipient().kind())).as(event.type()).contains(event.type());
            }
        }
        EventCatalog.all().forEach(d -> RoutingPolicy.eventTypesFor(Recipient.Kind.ORGANISATION));
        assertThat(RoutingPolicy.eventTypesFor(Recipient.Kind.ORGANISATION))
                .allSatisfy(type -> assertThat(EventCatalog.all()).anyMatch(d -> d.type().equals(type)));
    }

    @Test
    void the_client_support_organisation_the_client_named_hears_of_its_offer_transfer_and_validation_question_only() {
        EventEnvelope offered = journey.transferOffered();
        Occurrence occurrence = new Occurrence(offered.eventId(), offered.type(), offered.occurredAt(), offered.region(),
                offered.payloadAs(EventCatalog.find(offered.type(), 1).orElseThrow().payloadClass()));
        assertThat(RoutingPolicy.supportedReferralOf(occurrence.payload())).contains(journey.referralId);
        assertThat(policy.concerns(occurrence, "cs-mee")).contains(new Concern(new Recipient.ClientSupport("cs-mee"),
                Notice.SUPPORTED_CLIENT_OFFERED, new Subject(SubjectKind.OFFER, journey.proposalId)));
        assertThat(policy.concerns(occurrence, null)).noneMatch(c -> c.recipient().kind() == Recipient.Kind.CLIENT_SUPPORT);
        EventEnvelope proposed = journey.transferProposed();
        assertThat(RoutingPolicy.supportedReferralOf(proposed.payloadAs(
                EventCatalog.find(proposed.type(), 1).orElseThrow().payloadClass()))).isEmpty();
        assertThat(RoutingPolicy.eventTypesFor(Recipient.Kind.CLIENT_SUPPORT))
                .containsExactlyInAnyOrder("TransferOffered", "TransferCompleted", "ValidationQuestionAsked");
    }

    private List<Concern> route(EventEnvelope envelope) {
        return policy.concerns(new Occurrence(envelope.eventId(), envelope.type(), envelope.occurredAt(),
                envelope.region(), envelope.payloadAs(EventCatalog.find(envelope.type(), 1).orElseThrow().payloadClass())));
    }

    private static Concern told(String organisation, Notice notice, SubjectKind kind, String id) {
        return new Concern(new Recipient.Organisation(organisation), notice, new Subject(kind, id));
    }
}
