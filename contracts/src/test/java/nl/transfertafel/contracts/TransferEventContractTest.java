package nl.transfertafel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.transfer.DeclineReason;
import nl.transfertafel.contracts.events.transfer.EscalationOpened;
import nl.transfertafel.contracts.events.transfer.EscalationResolved;
import nl.transfertafel.contracts.events.transfer.OfferResponded;
import nl.transfertafel.contracts.events.transfer.ProposalScreened;
import nl.transfertafel.contracts.events.transfer.ScreeningOverdue;
import nl.transfertafel.contracts.events.transfer.TransferBlocked;
import nl.transfertafel.contracts.events.transfer.TransferCompleted;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.contracts.events.transfer.TransferEvents;
import nl.transfertafel.contracts.events.transfer.TransferOffered;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Every transfer-table event, in a typical form, validates against its schema and survives the wire. */
class TransferEventContractTest {

    private static final String PSEUDONYM = "pseudonym_0123456789abcdef";
    private static final String GP = "01000001";
    private static final String SENDING = "22000001";
    private static final String RECEIVING = "22000002";

    static Stream<EventPayload> typicalTransferEvents() {
        return Stream.of(
                new TransferProposed("p-1", "r-1", PSEUDONYM, "line-1", RECEIVING, SENDING, GP,
                        TransferProposed.Origin.ENGINE, DiagnosisGroup.ANXIETY, Urgency.URGENT),
                new ProposalScreened("p-1", "r-1", PSEUDONYM, RECEIVING, SENDING, GP,
                        ProposalScreened.Decision.APPROVED, 1, 2, "22000003", null),
                new ProposalScreened("p-1", "r-1", PSEUDONYM, RECEIVING, null, GP,
                        ProposalScreened.Decision.REJECTED, 0, 2, "22000003",
                        ProposalScreened.RejectionReason.PROVIDER_NOT_SUITABLE),
                new TransferOffered("p-1", "r-1", PSEUDONYM, "line-1", "res-1", RECEIVING, SENDING, GP,
                        Instant.parse("2026-11-30T10:00:00Z")),
                new OfferResponded("p-1", "r-1", PSEUDONYM, RECEIVING, SENDING, GP,
                        OfferResponded.Party.CLIENT, false, DeclineReason.TRAVEL_DISTANCE),
                new TransferCompleted("p-1", "r-1", PSEUDONYM, RECEIVING, SENDING, GP, "res-1",
                        "Intake desk, 010-1234567", LocalDate.of(2026, 11, 23)),
                new TransferEnded("p-1", "r-1", PSEUDONYM, "line-1", "res-1", RECEIVING, SENDING, GP,
                        TransferEnded.Outcome.OFFER_EXPIRED, null),
                new TransferBlocked("r-1", PSEUDONYM, "3311", RECEIVING, "line-1", SENDING,
                        TransferBlocked.Reason.CEILING_REACHED),
                new EscalationOpened("e-1", "r-1", PSEUDONYM, "3311", SENDING, GP,
                        EscalationOpened.Reason.URGENT_WITHOUT_MATCH, EscalationOpened.Route.INSURER_MEDIATION, 12),
                new EscalationResolved("e-1", "r-1", PSEUDONYM, "3311", GP,
                        EscalationResolved.Resolution.PLACED_OUT_OF_REGION, "3311"),
                new ScreeningOverdue("p-1", "r-1", PSEUDONYM, RECEIVING, SENDING, GP, 1, 49));
    }

    @ParameterizedTest
    @MethodSource("typicalTransferEvents")
    void a_typical_event_validates_and_round_trips(EventPayload payload) {
        EventEnvelope envelope = envelope(payload);

        assertThat(EventSchemas.violations(envelope)).isEmpty();
        EventEnvelope read = EventJson.read(EventJson.write(envelope));
        assertThat(read.payloadAs(payload.getClass())).isEqualTo(payload);
    }

    @Test
    void every_transfer_event_type_has_a_typical_example_here() {
        List<Object> covered = typicalTransferEvents().map(Object::getClass).distinct().map(c -> (Object) c).toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(List.copyOf(TransferEvents.TYPES));
    }

    @ParameterizedTest
    @MethodSource("typicalTransferEvents")
    void free_text_cannot_ride_along(EventPayload payload) {
        EventEnvelope envelope = envelope(payload);
        ((ObjectNode) envelope.payload()).put("note", "client Jansen lives at Coolsingel 1");

        assertThat(EventSchemas.violations(envelope)).anySatisfy(v -> assertThat(v).contains("note"));
    }

    private static EventEnvelope envelope(EventPayload payload) {
        return EventJson.envelop(new NewEvent(UUID.randomUUID(), Instant.parse("2026-11-23T10:00:00Z"), "rotterdam",
                "agg-1", payload), UUID.randomUUID());
    }
}
