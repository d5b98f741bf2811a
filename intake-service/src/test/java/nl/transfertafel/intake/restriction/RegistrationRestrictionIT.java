package nl.transfertafel.intake.restriction;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
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

/** Registration stops and pauses arrive from capacity-service as events; referrals meeting one stay visible, unplaced. */
@IntakeIntegrationTest
class RegistrationRestrictionIT {

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
    private final String providerAgb = TestData.agb("22");
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    @Test
    void a_referral_meeting_a_stop_for_its_group_is_unplaced_stays_visible_to_the_gp_and_goes_to_the_transfer_table() {
        restrict(UUID.randomUUID().toString(), Kind.STOP, DiagnosisGroup.ANXIETY, true);

        var created = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb).group("ANXIETY"));

        assertThat(created.placement()).isEqualTo(Placement.UNPLACED_REGISTRATION_STOP);
        assertThat(created.providerAgb()).isNull();
        WaitingEntryChanged event = outbox.events(created.referralId(), WaitingEntryChanged.class).get(0);
        assertThat(event.placement()).isEqualTo(Placement.UNPLACED_REGISTRATION_STOP);
        api.get(Actors.gp(gpAgb), "/api/v1/referrals/" + created.referralId()).expectStatus().isOk().expectBody()
                .jsonPath("$.waiting.placement").isEqualTo("UNPLACED_REGISTRATION_STOP")
                .jsonPath("$.referral.preferredProviderAgb").isEqualTo(providerAgb);
        api.get(Actors.provider(providerAgb), "/api/v1/waiting-list").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        // another group is not stopped
        assertThat(api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb).group("DEPRESSION")).placement())
                .isEqualTo(Placement.PLACED);
    }

    @Test
    void a_pause_for_all_groups_unplaces_every_referral_until_it_is_lifted() {
        String pause = UUID.randomUUID().toString();
        restrict(pause, Kind.PAUSE, null, true);

        assertThat(api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb).group("EATING")).placement())
                .isEqualTo(Placement.UNPLACED_REGISTRATION_PAUSE);

        restrict(pause, Kind.PAUSE, null, false);
        assertThat(api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb).group("EATING")).placement())
                .isEqualTo(Placement.PLACED);
    }

    @Test
    void onboarding_is_not_stopped_the_client_is_on_the_list_already() {
        restrict(UUID.randomUUID().toString(), Kind.STOP, null, true);

        var created = api.onboard(Actors.provider(providerAgb),
                nl.transfertafel.intake.testsupport.ReferralJson.anOnboardedEntry(gpAgb, today.minusDays(10)));

        assertThat(created.placement()).isEqualTo(Placement.PLACED);
    }

    /** Publishes the restriction as capacity-service would and waits until this service has recorded it. */
    private void restrict(String restrictionId, Kind kind, DiagnosisGroup group, boolean active) {
        TestEvents.publish(new NewEvent(UUID.randomUUID(), Instant.now(), Actors.REGION, restrictionId,
                new RegistrationRestrictionChanged(restrictionId, providerAgb, kind, group, active, "test", today.minusDays(1),
                        null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> outbox.count(
                "select count(*) from registration_restriction where restriction_id = :p0 and active = :p1",
                restrictionId, active) == 1);
    }
}
