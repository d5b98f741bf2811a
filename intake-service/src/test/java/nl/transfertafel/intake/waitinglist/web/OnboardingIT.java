package nl.transfertafel.intake.waitinglist.web;

import static nl.transfertafel.intake.testsupport.ReferralJson.anOnboardedEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.referral.web.ReferralViews.ReferralCreated;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.Outboxed;
import nl.transfertafel.intake.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntakeIntegrationTest
class OnboardingIT {

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
    private final String provider = Actors.provider(providerAgb);
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    @Test
    void a_provider_brings_in_a_client_with_the_original_registration_date_so_the_wait_is_real() {
        LocalDate registered = today.minusDays(45);
        ReferralCreated created = api.onboard(provider, anOnboardedEntry(gpAgb, registered));

        assertThat(created.registeredOn()).isEqualTo(registered);
        assertThat(created.intakeDeadline()).isEqualTo(registered.plusWeeks(4));
        assertThat(created.placement()).isEqualTo(Placement.PLACED);
        assertThat(created.providerAgb()).isEqualTo(providerAgb);

        ReferralReceived received = outbox.events(created.referralId(), ReferralReceived.class).get(0);
        assertThat(received.registeredOn()).isEqualTo(registered);
        assertThat(received.referrerAgb()).isEqualTo(gpAgb);
        assertThat(received.preferredProviderAgb()).isEqualTo(providerAgb);
        WaitingEntryChanged entry = outbox.events(created.referralId(), WaitingEntryChanged.class).get(0);
        assertThat(entry.change()).isEqualTo(Change.REGISTERED);
        assertThat(entry.statusConfirmedOn()).isEqualTo(today);

        api.get(provider, "/api/v1/waiting-list").expectStatus().isOk().expectBody()
                .jsonPath("$[0].waiting.daysWaited").isEqualTo(45)
                .jsonPath("$[0].referral.source").isEqualTo("ONBOARDING");
        // the referring GP stays responsible and sees the client on its worklist
        api.get(Actors.gp(gpAgb), "/api/v1/referrals").expectStatus().isOk().expectBody()
                .jsonPath("$[0].referralId").isEqualTo(created.referralId().toString())
                .jsonPath("$[0].waiting.providerAgb").isEqualTo(providerAgb);
    }

    @Test
    void onboarding_is_idempotent_with_a_key() {
        String key = UUID.randomUUID().toString();
        String body = anOnboardedEntry(gpAgb, today.minusDays(3)).json();

        var first = api.post(provider, "/api/v1/waiting-list/entries", body, key).expectStatus().isCreated()
                .expectBody(ReferralCreated.class).returnResult().getResponseBody();
        var second = api.post(provider, "/api/v1/waiting-list/entries", body, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(ReferralCreated.class).returnResult().getResponseBody();

        assertThat(second).isEqualTo(first);
        assertThat(outbox.count("select count(*) from referral where registered_by = :p0", providerAgb)).isEqualTo(1);
        api.post(provider, "/api/v1/waiting-list/entries", anOnboardedEntry(gpAgb, today.minusDays(4)).json(), key)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("idempotency-key-reused");
    }

    @Test
    void the_registration_date_is_today_or_earlier_and_at_most_ten_years_ago_and_the_gp_is_an_agb() {
        expectInvalid(anOnboardedEntry(gpAgb, today.plusDays(1)).json(), "registeredOn", "PastOrPresent");
        expectInvalid(anOnboardedEntry(gpAgb, today.minusYears(10).minusDays(1)).json(), "registeredOn", "WithinYears");
        expectInvalid(anOnboardedEntry("0100", today).json(), "referrerAgb", "Pattern");
        expectInvalid(anOnboardedEntry(gpAgb, today).without("referrerAgb").json(), "referrerAgb", "NotNull");
        expectInvalid(anOnboardedEntry(gpAgb, today).with("bsn", "123456789").json(), "bsn", "ElevenTest");
        api.onboard(provider, anOnboardedEntry(gpAgb, today.minusYears(10)));
        assertThat(outbox.count("select count(*) from referral where registered_by = :p0", providerAgb)).isEqualTo(1);
    }

    @Test
    void only_a_provider_onboards_and_only_onto_its_own_list() {
        api.post(Actors.gp(gpAgb), "/api/v1/waiting-list/entries", anOnboardedEntry(gpAgb, today).json())
                .expectStatus().isForbidden();
        ReferralCreated created = api.onboard(provider, anOnboardedEntry(gpAgb, today)
                .with("preferredProviderAgb", TestData.agb("29")));

        assertThat(created.providerAgb()).as("a body cannot put the entry on another list").isEqualTo(providerAgb);
    }

    private void expectInvalid(String body, String field, String rule) {
        WebTestClient.BodyContentSpec problem = api.post(provider, "/api/v1/waiting-list/entries", body)
                .expectStatus().isBadRequest().expectBody();
        problem.jsonPath("$.errors[?(@.field == '" + field + "')].rule").isEqualTo(List.of(rule));
    }
}
