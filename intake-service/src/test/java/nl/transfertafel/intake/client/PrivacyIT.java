package nl.transfertafel.intake.client;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static nl.transfertafel.intake.testsupport.ReferralJson.anOnboardedEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.clock.application.WaitingClockJob;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.Outboxed;
import nl.transfertafel.intake.testsupport.ReferralJson;
import nl.transfertafel.intake.testsupport.TestData;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Personal data stays in this service, encrypted at rest, and every read of it leaves an audit row. */
@IntakeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    WaitingClockJob clocks;

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
    void personal_data_is_encrypted_at_rest() {
        ReferralJson referral = distinctive();
        UUID id = api.refer(Actors.gp(gpAgb), referral).referralId();

        Map<String, Object> raw = db.sql("select * from client_personal_data where referral_id = :id").bind("id", id)
                .fetch().one().block();
        for (String column : List.of("bsn", "name", "date_of_birth", "postcode", "email", "phone", "language")) {
            assertThat((String) raw.get(column)).as(column).startsWith("dev1:");
        }
        String everything = raw.toString() + rowsMentioning(id);
        for (String secret : secrets(referral)) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    @Test
    void no_personal_data_reaches_kafka() {
        ReferralJson referred = distinctive();
        ReferralJson onboarded = distinctive();
        UUID first = api.refer(Actors.gp(gpAgb), referred.to(providerAgb)).referralId();
        UUID second = api.onboard(Actors.provider(providerAgb), anOnboardedEntryLike(onboarded)).referralId();
        api.put(Actors.provider(providerAgb), "/api/v1/waiting-list/" + first + "/status",
                "{\"status\":\"URGENT_PLACEMENT\"}").expectStatus().isOk();
        // the GP named by the onboarding confirms it referred the client before it may act on it (issue 11 item 7)
        api.post(Actors.gp(gpAgb), "/api/v1/referrals/" + second + "/confirm-referrer",
                "{\"bsn\":\"" + onboarded.get("bsn") + "\"}").expectStatus().isOk();
        api.post(Actors.gp(gpAgb), "/api/v1/referrals/" + second + "/withdraw", "{\"reason\":\"NO_SHOW\"}")
                .expectStatus().isOk();
        clocks.run().block();

        List<String> wire = new ArrayList<>();
        for (String topic : List.of(Topics.INTAKE_REFERRAL_EVENTS, Topics.INTAKE_WAITING_EVENTS)) {
            try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), topic)) {
                String last = topic.equals(Topics.INTAKE_REFERRAL_EVENTS) ? second.toString() : "\"WITHDRAWN\"";
                reader.await(m -> m.value().contains(second.toString()) && m.value().contains(last), Duration.ofSeconds(60));
                wire.addAll(reader.readFor(Duration.ofSeconds(1)).stream().map(TopicReader.Message::value).toList());
            }
        }
        assertThat(String.join("\n", wire)).contains(first.toString(), second.toString());
        for (String record : wire) {
            for (String secret : secrets(referred, onboarded)) {
                assertThat(record).doesNotContain(secret);
            }
        }
    }

    @Test
    void every_read_of_personal_data_is_audited_with_actor_organisation_client_and_purpose() {
        UUID id = api.refer(Actors.gp(gpAgb), distinctive().to(providerAgb)).referralId();
        String pseudonym = pseudonymOf(id);

        api.get(Actors.gp(gpAgb), "/api/v1/referrals").expectStatus().isOk();
        api.get(Actors.provider(providerAgb), "/api/v1/waiting-list").expectStatus().isOk();
        api.get(Actors.service("notification-service"), "/api/v1/internal/referrals/" + id + "/contact").expectStatus().isOk();

        assertThat(audit(pseudonym)).containsExactly(
                "gp-" + gpAgb + "|" + gpAgb + "|register-referral|referral",
                "gp-" + gpAgb + "|" + gpAgb + "|read-worklist|gp-worklist",
                "desk-" + providerAgb + "|" + providerAgb + "|read-waiting-list|waiting-list",
                "notification-service|notification-service|read-contact|notify-client");
    }

    @Test
    void notification_service_looks_up_how_to_reach_a_client_still_waiting() {
        ReferralJson referral = distinctive().with("language", "en").without("phone");
        UUID id = api.refer(Actors.gp(gpAgb), referral).referralId();
        String service = Actors.service("notification-service");

        api.get(service, "/api/v1/internal/referrals/" + id + "/contact").expectStatus().isOk().expectBody()
                .jsonPath("$.referralId").isEqualTo(id.toString())
                .jsonPath("$.email").isEqualTo(referral.get("email"))
                .jsonPath("$.phone").isEmpty()
                .jsonPath("$.language").isEqualTo("en");
        api.get(Actors.gp(gpAgb), "/api/v1/internal/referrals/" + id + "/contact").expectStatus().isForbidden();
        api.get(service, "/api/v1/internal/referrals/" + UUID.randomUUID() + "/contact").expectStatus().isNotFound();
        api.get(service, "/api/v1/internal/referrals/not-a-referral/contact").expectStatus().isNotFound();

        api.post(Actors.gp(gpAgb), "/api/v1/referrals/" + id + "/withdraw", "{\"reason\":\"NO_LONGER_NEEDED\"}")
                .expectStatus().isOk();
        api.get(service, "/api/v1/internal/referrals/" + id + "/contact").expectStatus().isNotFound();
    }

    @Test
    void personal_data_never_appears_in_the_logs(CapturedOutput output) {
        ReferralJson referral = distinctive();
        api.refer(Actors.gp(gpAgb), referral);
        api.post(Actors.gp(gpAgb), "/api/v1/referrals", distinctiveLike(referral).with("dateOfBirth", "2999-01-01").json())
                .expectStatus().isBadRequest();
        api.post(Actors.gp(gpAgb), "/api/v1/referrals", distinctiveLike(referral).with("maxTravelKm", "far").json())
                .expectStatus().isBadRequest();
        api.get(Actors.gp(gpAgb), "/api/v1/referrals").expectStatus().isOk();

        for (String secret : secrets(referral)) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    /** A referral whose personal data is unmistakable, so a leak anywhere is found. */
    private static ReferralJson distinctive() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return aReferral().with("name", "Zeldzaam-" + tag + " Testpersoon")
                .with("email", "geheim-" + tag + "@example.org")
                .with("phone", "+31 6 " + (10_000_000 + Math.abs(tag.hashCode() % 89_999_999)))
                .with("postcode", "7311 XY")
                .with("dateOfBirth", "1977-07-07");
    }

    private static ReferralJson distinctiveLike(ReferralJson referral) {
        ReferralJson copy = aReferral();
        for (String field : List.of("bsn", "name", "email", "phone", "postcode", "dateOfBirth")) {
            copy.with(field, referral.get(field));
        }
        return copy;
    }

    private ReferralJson anOnboardedEntryLike(ReferralJson client) {
        ReferralJson entry = anOnboardedEntry(gpAgb, LocalDate.now().minusDays(3));
        for (String field : List.of("bsn", "name", "email", "phone", "postcode", "dateOfBirth")) {
            entry.with(field, client.get(field));
        }
        return entry;
    }

    private static List<String> secrets(ReferralJson... referrals) {
        List<String> secrets = new ArrayList<>();
        for (ReferralJson referral : referrals) {
            secrets.add((String) referral.get("bsn"));
            secrets.add((String) referral.get("name"));
            secrets.add(((String) referral.get("name")).split(" ")[0]);
            secrets.add((String) referral.get("email"));
            if (referral.get("phone") != null) {
                secrets.add((String) referral.get("phone"));
                secrets.add(((String) referral.get("phone")).replace(" ", ""));
            }
            secrets.add("7311 XY");
            secrets.add("7311XY");
            secrets.add("1977-07-07");
        }
        return secrets;
    }

    private String rowsMentioning(UUID id) {
        return db.sql("select r::text as r from referral r where id = :id").bind("id", id).fetch().one().block().toString()
                + db.sql("select e::text as e from waiting_entry e where referral_id = :id").bind("id", id).fetch().one().block()
                + outbox.events(id);
    }

    private String pseudonymOf(UUID id) {
        return db.sql("select client_pseudonym from referral where id = :id").bind("id", id)
                .map(row -> row.get("client_pseudonym", String.class)).one().block();
    }

    private List<String> audit(String pseudonym) {
        return db.sql("select actor, organisation, action, purpose from audit_log where subject_pseudonym = :p order by id")
                .bind("p", pseudonym)
                .map(row -> row.get("actor", String.class) + "|" + row.get("organisation", String.class) + "|"
                        + row.get("action", String.class) + "|" + row.get("purpose", String.class))
                .all().collectList().block();
    }
}
