package nl.transfertafel.intake.referral.web;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.referral.web.ReferralViews.ReferralCreated;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.Outboxed;
import nl.transfertafel.intake.testsupport.ReferralJson;
import nl.transfertafel.intake.testsupport.TestData;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntakeIntegrationTest
class ReferralApiIT {

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

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    @Test
    void a_gp_registers_a_referral_and_the_pseudonymised_events_reach_kafka() {
        ReferralJson referral = aReferral().to(providerAgb).urgent();
        var created = api.refer(Actors.gp(gpAgb), referral);

        assertThat(created.intakeDeadline()).isEqualTo(created.registeredOn().plusWeeks(4));
        assertThat(created.treatmentDeadline()).isEqualTo(created.registeredOn().plusWeeks(14));
        assertThat(created.placement()).isEqualTo(Placement.PLACED);
        assertThat(created.providerAgb()).isEqualTo(providerAgb);
        assertThat(created.waitingStatus()).isEqualTo(WaitingStatus.URGENT_PLACEMENT);
        assertThat(created.version()).isEqualTo(1);

        String id = created.referralId().toString();
        try (TopicReader referrals = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.INTAKE_REFERRAL_EVENTS);
                TopicReader waiting = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.INTAKE_WAITING_EVENTS)) {
            var received = referrals.await(m -> m.value().contains(id), Duration.ofSeconds(30));
            var changed = waiting.await(m -> m.value().contains(id), Duration.ofSeconds(30));
            assertThat(received).hasSize(1);
            assertThat(changed).hasSize(1);
            assertThat(received.get(0).key()).isEqualTo(Actors.REGION);
            for (var message : List.of(received.get(0), changed.get(0))) {
                assertThat(message.value()).doesNotContain((String) referral.get("bsn"), (String) referral.get("name"),
                        "1990-04-01", "3011 AB", "3011AB", (String) referral.get("email"), "1234 5678");
                assertThat(EventSchemas.violations(EventJson.read(message.value()))).isEmpty();
            }
            ReferralReceived event = EventJson.read(received.get(0).value()).payloadAs(ReferralReceived.class);
            assertThat(event.referrerAgb()).isEqualTo(gpAgb);
            assertThat(event.preferredProviderAgb()).isEqualTo(providerAgb);
            assertThat(event.postcodeArea()).isEqualTo("3011");
            assertThat(event.ageBand()).isEqualTo(expectedBand(LocalDate.of(1990, 4, 1)));
            WaitingEntryChanged entry = EventJson.read(changed.get(0).value()).payloadAs(WaitingEntryChanged.class);
            assertThat(entry.change()).isEqualTo(Change.REGISTERED);
            assertThat(entry.providerAgb()).isEqualTo(providerAgb);
            assertThat(entry.version()).isEqualTo(1);
        }
    }

    @Test
    void every_invalid_field_is_named_with_its_rule_and_nothing_is_stored_or_sent() {
        long before = rows();
        String body = aReferral().to("2200001")
                .with("bsn", "123456789").with("name", "").with("dateOfBirth", LocalDate.now().plusDays(1).toString())
                .with("postcode", "0123 AB").with("email", "not-an-address").with("phone", "call me")
                .with("language", "de").with("insurerUzovi", "33").with("maxTravelKm", 5000)
                .without("careLevel").without("urgency").without("screeningConsent").json();

        api.post(Actors.gp(gpAgb), "/api/v1/referrals", body)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.rule").isEqualTo("validation")
                .jsonPath("$.errors.length()").isEqualTo(13)
                .jsonPath("$.errors[?(@.field == 'bsn')].rule").isEqualTo(List.of("ElevenTest"))
                .jsonPath("$.errors[?(@.field == 'name')].rule").isEqualTo(List.of("NotBlank"))
                .jsonPath("$.errors[?(@.field == 'dateOfBirth')].rule").isEqualTo(List.of("Past"))
                .jsonPath("$.errors[?(@.field == 'postcode')].rule").isEqualTo(List.of("Pattern"))
                .jsonPath("$.errors[?(@.field == 'email')].rule").isEqualTo(List.of("Email"))
                .jsonPath("$.errors[?(@.field == 'phone')].rule").isEqualTo(List.of("Pattern"))
                .jsonPath("$.errors[?(@.field == 'language')].rule").isEqualTo(List.of("Pattern"))
                .jsonPath("$.errors[?(@.field == 'insurerUzovi')].rule").isEqualTo(List.of("Pattern"))
                .jsonPath("$.errors[?(@.field == 'preferredProviderAgb')].rule").isEqualTo(List.of("Pattern"))
                .jsonPath("$.errors[?(@.field == 'maxTravelKm')].rule").isEqualTo(List.of("Max"))
                .jsonPath("$.errors[?(@.field == 'careLevel')].rule").isEqualTo(List.of("NotNull"))
                .jsonPath("$.errors[?(@.field == 'urgency')].rule").isEqualTo(List.of("NotNull"))
                .jsonPath("$.errors[?(@.field == 'screeningConsent')].rule").isEqualTo(List.of("NotNull"));

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void a_postcode_with_letters_no_dutch_postcode_uses_is_refused() {
        api.post(Actors.gp(gpAgb), "/api/v1/referrals", aReferral().with("postcode", "3011 SS").json())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("postcode");
    }

    @Test
    void an_unknown_diagnosis_group_is_named_without_echoing_the_value() {
        long before = rows();
        api.post(Actors.gp(gpAgb), "/api/v1/referrals", aReferral().group("HEADACHE").json())
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("diagnosisGroup")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("HEADACHE"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void a_birth_date_more_than_120_years_ago_or_in_the_future_is_refused_naming_the_field_and_the_rule() {
        long before = rows();
        for (var birth : List.of(Map.entry("1850-01-01", "WithinYears"),
                Map.entry(LocalDate.now().minusYears(120).minusDays(1).toString(), "WithinYears"),
                Map.entry(LocalDate.now().plusYears(1).toString(), "Past"))) {
            api.post(Actors.gp(gpAgb), "/api/v1/referrals", aReferral().with("dateOfBirth", birth.getKey()).json())
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[?(@.field == 'dateOfBirth')].rule").isEqualTo(List.of(birth.getValue()));
        }
        assertThat(rows()).as("nothing registered").isEqualTo(before);
        // the oldest plausible client (120 years today) is still accepted
        api.refer(Actors.gp(gpAgb), aReferral().with("dateOfBirth", LocalDate.now().minusYears(120).toString()));
    }

    @Test
    void waiting_for_the_preferred_provider_needs_one() {
        api.post(Actors.gp(gpAgb), "/api/v1/referrals", aReferral().with("waitForPreferredProvider", true).json())
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("waitForPreferredProvider")
                .jsonPath("$.errors[0].rule").isEqualTo("ConsistentPreferences");
    }

    @Test
    void a_token_from_an_unknown_region_or_without_an_agb_registers_nothing() {
        long before = rows();
        String stranger = TestStack.tokens().token("gp-x", List.of("GP"), "not-an-agb", "atlantis");

        api.post(stranger, "/api/v1/referrals", aReferral().json())
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'region')].rule").isEqualTo(List.of("KnownRegion"))
                .jsonPath("$.errors[?(@.field == 'referrerAgb')].rule").isEqualTo(List.of("Agb"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void a_replayed_idempotency_key_with_the_same_body_returns_the_first_answer_and_registers_once() {
        String key = UUID.randomUUID().toString();
        String body = aReferral().to(providerAgb).json();
        String gp = Actors.gp(gpAgb);

        var first = api.post(gp, "/api/v1/referrals", body, key).expectStatus().isCreated()
                .expectBody(ReferralCreated.class).returnResult();
        var second = api.post(gp, "/api/v1/referrals", body, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(ReferralCreated.class).returnResult();

        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(outbox.count("select count(*) from referral where referrer_agb = :p0", gpAgb)).isEqualTo(1);
        assertThat(outbox.events(first.getResponseBody().referralId())).hasSize(2);
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_a_409_and_registers_nothing_more() {
        String key = UUID.randomUUID().toString();
        String gp = Actors.gp(gpAgb);
        api.post(gp, "/api/v1/referrals", aReferral().json(), key).expectStatus().isCreated();
        long before = rows();

        api.post(gp, "/api/v1/referrals", aReferral().json(), key)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("idempotency-key-reused");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void a_referral_without_a_preferred_provider_is_unplaced_and_goes_to_the_transfer_table() {
        var created = api.refer(Actors.gp(gpAgb), aReferral());

        assertThat(created.placement()).isEqualTo(Placement.UNPLACED_NO_PROVIDER);
        assertThat(created.providerAgb()).isNull();
        WaitingEntryChanged event = outbox.events(created.referralId(), WaitingEntryChanged.class).get(0);
        assertThat(event.placement()).isEqualTo(Placement.UNPLACED_NO_PROVIDER);
    }

    @Test
    void only_gps_refer() {
        api.post(TestStack.tokens().tokenFor(DemoUsers.PROVIDER), "/api/v1/referrals", aReferral().json())
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(aReferral().json())
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void the_registered_counter_counts_per_region() {
        api.refer(Actors.gp(gpAgb), aReferral());

        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(nl.transfertafel.testkit.TestStack.tokens().token("prometheus", java.util.List.of("METRICS"), null, null))).exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .containsPattern("transfertafel_referrals_registered_total\\{[^}]*region=\"rotterdam\"[^}]*\\} [1-9]"));
    }

    private long rows() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : List.of("referral", "client_personal_data", "waiting_entry", "outbox", "audit_log")) {
            counts.put(table, outbox.count("select count(*) from " + table));
        }
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String expectedBand(LocalDate birth) {
        int age = Period.between(birth, LocalDate.now()).getYears();
        return age >= 35 ? "35-44" : "25-34";
    }
}
