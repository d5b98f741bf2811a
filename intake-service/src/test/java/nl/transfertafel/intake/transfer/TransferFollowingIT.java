package nl.transfertafel.intake.transfer;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static nl.transfertafel.intake.testsupport.ReferralJson.anOnboardedEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.events.transfer.TransferCompleted;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.contracts.events.transfer.TransferOffered;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.referral.web.ReferralViews.ReferralCreated;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.Outboxed;
import nl.transfertafel.intake.testsupport.TestData;
import nl.transfertafel.intake.testsupport.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The transfer table's events as transfer-table-service publishes them, on the real broker. */
@IntakeIntegrationTest
class TransferFollowingIT {

    private static final String CONTACT = "Intake desk GGZ Noord, 010-1234567";

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    private Api api;
    private Outboxed outbox;
    private final String gpAgb = TestData.agb("01");
    private final String sendingAgb = TestData.agb("22");
    private final String receivingAgb = TestData.agb("23");
    private final String proposalId = UUID.randomUUID().toString();
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    @Test
    void the_gp_sees_a_transfer_proposed_then_offered_then_ended() {
        ReferralCreated created = api.refer(Actors.gp(gpAgb), aReferral().to(sendingAgb));
        String pseudonym = pseudonymOf(created.referralId());

        publish(created.referralId(), new TransferProposed(proposalId, created.referralId().toString(), pseudonym, "line-1",
                receivingAgb, sendingAgb, gpAgb, TransferProposed.Origin.ENGINE, DiagnosisGroup.ANXIETY, Urgency.REGULAR));
        awaitTransfer(created.referralId(), "PROPOSED");
        publish(created.referralId(), new TransferOffered(proposalId, created.referralId().toString(), pseudonym, "line-1",
                "res-1", receivingAgb, sendingAgb, gpAgb, Instant.now().plusSeconds(86_400)));
        awaitTransfer(created.referralId(), "OFFERED");
        publish(created.referralId(), new TransferEnded(proposalId, created.referralId().toString(), pseudonym, "line-1",
                "res-1", receivingAgb, sendingAgb, gpAgb, TransferEnded.Outcome.DECLINED_BY_CLIENT, null));
        awaitTransfer(created.referralId(), "ENDED");

        api.get(Actors.gp(gpAgb), "/api/v1/referrals/" + created.referralId()).expectStatus().isOk().expectBody()
                .jsonPath("$.transfer.outcome").isEqualTo("DECLINED_BY_CLIENT")
                .jsonPath("$.transfer.receivingProviderAgb").isEqualTo(receivingAgb)
                .jsonPath("$.waiting.providerAgb").isEqualTo(sendingAgb);
    }

    @Test
    void a_completed_transfer_moves_the_entry_keeping_its_registration_date_and_names_the_handover_contact() {
        LocalDate registered = today.minusDays(20);
        ReferralCreated created = api.onboard(Actors.provider(sendingAgb), anOnboardedEntry(gpAgb, registered));

        publish(created.referralId(), completed(created.referralId()));
        await().atMost(Duration.ofSeconds(60)).until(() -> moves(created.referralId()).size() == 1);

        WaitingEntryChanged moved = moves(created.referralId()).get(0);
        assertThat(moved.providerAgb()).isEqualTo(receivingAgb);
        assertThat(moved.placement()).isEqualTo(Placement.PLACED);
        assertThat(moved.registeredOn()).isEqualTo(registered);
        assertThat(moved.version()).isEqualTo(2);
        api.get(Actors.gp(gpAgb), "/api/v1/referrals/" + created.referralId()).expectStatus().isOk().expectBody()
                .jsonPath("$.transfer.state").isEqualTo("COMPLETED")
                .jsonPath("$.transfer.handoverContact").isEqualTo(CONTACT)
                .jsonPath("$.waiting.providerAgb").isEqualTo(receivingAgb)
                .jsonPath("$.waiting.registeredOn").isEqualTo(registered.toString())
                .jsonPath("$.waiting.daysWaited").isEqualTo(20)
                .jsonPath("$.waiting.intakeDeadline").isEqualTo(registered.plusWeeks(4).toString());
        api.get(Actors.provider(receivingAgb), "/api/v1/waiting-list").expectStatus().isOk().expectBody()
                .jsonPath("$[0].referralId").isEqualTo(created.referralId().toString());
        api.get(Actors.provider(sendingAgb), "/api/v1/waiting-list").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void an_unplaced_entry_is_placed_by_a_completed_transfer() {
        ReferralCreated created = api.refer(Actors.gp(gpAgb), aReferral());
        assertThat(created.placement()).isEqualTo(Placement.UNPLACED_NO_PROVIDER);

        publish(created.referralId(), completed(created.referralId()));

        await().atMost(Duration.ofSeconds(60)).until(() -> moves(created.referralId()).size() == 1);
        assertThat(moves(created.referralId()).get(0).placement()).isEqualTo(Placement.PLACED);
    }

    @Test
    void a_redelivered_or_repeated_completion_moves_the_entry_once() {
        ReferralCreated created = api.onboard(Actors.provider(sendingAgb), anOnboardedEntry(gpAgb, today.minusDays(5)));
        TransferCompleted completion = completed(created.referralId());

        EventEnvelope first = publish(created.referralId(), completion);
        TestEvents.publish(Topics.TRANSFER_EVENTS, first);
        publish(created.referralId(), completion);
        // a marker after the copies on the same partition (same region key): once it is seen, so were they
        ReferralCreated marker = api.refer(Actors.gp(gpAgb), aReferral());
        publish(marker.referralId(), completed(marker.referralId()));
        await().atMost(Duration.ofSeconds(60)).until(() -> moves(marker.referralId()).size() == 1);

        assertThat(moves(created.referralId())).hasSize(1);
        assertThat(outbox.events(created.referralId(), WaitingEntryChanged.class)).extracting(WaitingEntryChanged::version)
                .containsExactly(1L, 2L);
        assertThat(outbox.count("select count(*) from processed_event where event_id = :p0", first.eventId()))
                .isEqualTo(1);
    }

    @Test
    void events_about_referrals_this_service_does_not_know_are_ignored() {
        ReferralCreated marker = api.refer(Actors.gp(gpAgb), aReferral());
        UUID unknown = UUID.randomUUID();

        publish(unknown, completed(unknown));
        publish(marker.referralId(), completed(marker.referralId()));

        await().atMost(Duration.ofSeconds(60)).until(() -> moves(marker.referralId()).size() == 1);
        assertThat(outbox.count("select count(*) from transfer_progress where referral_id = :p0", unknown)).isZero();
    }

    private TransferCompleted completed(UUID referralId) {
        return new TransferCompleted(proposalId + "-" + referralId, referralId.toString(), pseudonymOf(referralId),
                receivingAgb, sendingAgb, gpAgb, "res-" + referralId, CONTACT, today);
    }

    private EventEnvelope publish(UUID referralId, nl.transfertafel.contracts.events.EventPayload payload) {
        return TestEvents.publish(new NewEvent(UUID.randomUUID(), Instant.now(), Actors.REGION, referralId.toString(),
                payload));
    }

    private List<WaitingEntryChanged> moves(UUID referralId) {
        return outbox.events(referralId, WaitingEntryChanged.class).stream()
                .filter(event -> event.change() == Change.MOVED).toList();
    }

    private void awaitTransfer(UUID referralId, String state) {
        await().atMost(Duration.ofSeconds(60)).until(() -> outbox.count(
                "select count(*) from transfer_progress where referral_id = :p0 and state = :p1", referralId, state) == 1);
    }

    private String pseudonymOf(UUID referralId) {
        return db.sql("select coalesce(max(client_pseudonym), 'pseudonym-of-someone-unknown') as p from referral where id = :id")
                .bind("id", referralId).map(row -> row.get("p", String.class)).one().block();
    }
}
