package nl.transfertafel.intake.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntakeIntegrationTest
class ReferralApiIT {

    private static final String VALID = """
            {"bsn":"111222333","dateOfBirth":"1990-04-01","postcode":"3011 AB","insurerUzovi":"3311",
             "diagnosisGroup":"ANXIETY","careLevel":"BASIC","urgency":"URGENT","maxTravelKm":15,
             "eHealthAcceptable":false,"screeningConsent":true}""";

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void a_gp_registers_a_referral_and_the_pseudonymised_event_reaches_kafka() {
        var created = post(DemoUsers.GP, VALID).expectStatus().isCreated()
                .expectBody(ReferralController.ReferralCreated.class).returnResult().getResponseBody();

        assertThat(created.intakeDeadline()).isEqualTo(created.registeredOn().plusWeeks(4));
        assertThat(created.treatmentDeadline()).isEqualTo(created.registeredOn().plusWeeks(14));
        try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.INTAKE_REFERRAL_EVENTS)) {
            var found = reader.await(m -> m.value().contains(created.referralId().toString()), Duration.ofSeconds(30));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).value()).doesNotContain("111222333", "1990-04-01", "3011 AB", "3011AB");
            var envelope = EventJson.read(found.get(0).value());
            assertThat(EventSchemas.violations(envelope)).isEmpty();
            ReferralReceived event = envelope.payloadAs(ReferralReceived.class);
            assertThat(event.referrerAgb()).isEqualTo(DemoUsers.GP_PRACTICE_AGB);
            assertThat(event.postcodeArea()).isEqualTo("3011");
            assertThat(event.ageBand()).isEqualTo(expectedBand(LocalDate.of(1990, 4, 1)));
            assertThat(envelope.region()).isEqualTo(DemoUsers.REGION);
        }
    }

    @Test
    void an_invalid_referral_names_each_broken_field_and_stores_nothing() {
        long referralsBefore = count("referral");
        long outboxBefore = count("outbox");

        post(DemoUsers.GP, """
                {"bsn":"123456789","dateOfBirth":"2999-01-01","postcode":"0123 AB","insurerUzovi":"33",
                 "diagnosisGroup":"ANXIETY","careLevel":"BASIC","urgency":"REGULAR","screeningConsent":true}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'bsn')].rule").isEqualTo(List.of("ElevenTest"))
                .jsonPath("$.errors[?(@.field == 'dateOfBirth')].rule").isEqualTo(List.of("Past"))
                .jsonPath("$.errors[?(@.field == 'postcode')].rule").isEqualTo(List.of("Pattern"))
                .jsonPath("$.errors[?(@.field == 'insurerUzovi')].rule").isEqualTo(List.of("Pattern"));

        assertThat(count("referral")).isEqualTo(referralsBefore);
        assertThat(count("outbox")).isEqualTo(outboxBefore);
    }

    @Test
    void an_unknown_diagnosis_group_is_named() {
        post(DemoUsers.GP, VALID.replace("\"ANXIETY\"", "\"HEADACHE\""))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("diagnosisGroup");
    }

    @Test
    void only_gps_refer() {
        post(DemoUsers.PROVIDER, VALID).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(VALID)
                .exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec post(DemoUser user, String body) {
        return web.post().uri("/api/v1/referrals")
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private long count(String table) {
        return db.sql("select count(*) as n from " + table).map(row -> row.get("n", Long.class)).one().block();
    }

    private static String expectedBand(LocalDate birth) {
        int age = java.time.Period.between(birth, LocalDate.now()).getYears();
        return age >= 35 ? "35-44" : "25-34";
    }
}
