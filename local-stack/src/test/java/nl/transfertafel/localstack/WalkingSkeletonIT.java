package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.testkit.kafka.TopicReader;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton, end to end across the four services on a real PostgreSQL and a real Kafka:
 * a GP's referral reaches the transfer table's read model and the GP's inbox; a provider's capacity
 * reaches the transfer table.
 */
class WalkingSkeletonIT {

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.randomPorts(false));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void every_service_is_ready_and_exposes_prometheus_metrics() {
        for (ServiceKind kind : ServiceKind.values()) {
            assertThat(get(kind, "/actuator/health/readiness", null).statusCode()).as(kind.serviceName()).isEqualTo(200);
            assertThat(get(kind, "/actuator/prometheus", null).statusCode()).as(kind + " metrics without a token")
                    .isEqualTo(401);
            HttpResponse<String> metrics = get(kind, "/actuator/prometheus", DemoUsers.ADMIN);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
            assertThat(get(kind, "/v3/api-docs", null).statusCode()).as(kind + " OpenAPI").isEqualTo(200);
        }
    }

    /** Issue 13: the README's "Integrate" section works against the local stack, whose FHIR gateway answers here. */
    @Test
    void the_fhir_gateway_of_the_stack_answers_its_capability_statement() {
        HttpResponse<String> metadata = StackHttp.get(stack.fhirGatewayUrl() + "/fhir/metadata", null);
        assertThat(metadata.statusCode()).as(metadata.body()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/fhir+json"));
        JsonNode statement = StackHttp.json(metadata.body());
        assertThat(statement.path("resourceType").asText()).isEqualTo("CapabilityStatement");
        assertThat(statement.path("fhirVersion").asText()).isEqualTo("4.0.1");
        assertThat(statement.path("rest").get(0).path("resource").findValuesAsString("type")).contains("ServiceRequest", "Task");
    }

    @Test
    void every_service_serves_exactly_the_openapi_document_checked_in_under_docs_api() throws Exception {
        java.nio.file.Path docs = java.nio.file.Path.of(System.getProperty("transfertafel.root", ".."), "docs", "api");
        for (ServiceKind kind : ServiceKind.values()) {
            HttpResponse<String> served = get(kind, "/v3/api-docs", null);
            assertThat(served.statusCode()).as(kind + " OpenAPI").isEqualTo(200);

            assertThat(ApiDocuments.asCheckedIn(served.body()))
                    .as("docs/api/" + ApiDocuments.fileName(kind) + " is stale: run docs/api/generate.sh")
                    .isEqualTo(java.nio.file.Files.readString(docs.resolve(ApiDocuments.fileName(kind))));
        }
    }

    @Test
    void a_referral_reaches_kafka_the_transfer_table_and_the_gps_inbox() {
        HttpResponse<String> created = post(ServiceKind.INTAKE, "/api/v1/referrals", DemoUsers.GP, """
                {"bsn":"111222333","name":"Jan Jansen","dateOfBirth":"1990-04-01","postcode":"3011 AB","insurerUzovi":"3311",
                 "diagnosisGroup":"DEPRESSION","careLevel":"SPECIALIST","urgency":"REGULAR","maxTravelKm":25,
                 "eHealthAcceptable":true,"screeningConsent":true}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String referralId = json(created.body()).get("referralId").asText();

        try (TopicReader reader = new TopicReader(stack.kafkaBootstrap(), Topics.INTAKE_REFERRAL_EVENTS)) {
            var messages = reader.await(m -> m.value().contains(referralId), Duration.ofSeconds(30));
            assertThat(messages).hasSize(1);
            String wire = messages.get(0).value();
            assertThat(wire).doesNotContain("111222333").doesNotContain("3011 AB").doesNotContain("1990-04-01")
                    .doesNotContain("Jan Jansen");
            EventEnvelope envelope = EventJson.read(wire);
            assertThat(envelope.is(ReferralReceived.class)).isTrue();
            assertThat(EventSchemas.violations(envelope)).isEmpty();
            assertThat(messages.get(0).key()).isEqualTo(DemoUsers.REGION);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(ServiceKind.TRANSFER_TABLE, "/api/v1/waiting-clients", DemoUsers.COORDINATOR_A).body())
                        .contains(referralId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String inbox = get(ServiceKind.NOTIFICATION, "/api/v1/inbox", DemoUsers.GP).body();
            assertThat(inbox).contains(referralId).contains("ReferralReceived");
        });
        // another organisation's inbox does not see it
        assertThat(get(ServiceKind.NOTIFICATION, "/api/v1/inbox", DemoUsers.PROVIDER).body()).doesNotContain(referralId);
    }

    @Test
    void a_capacity_announcement_reaches_the_transfer_table() {
        HttpResponse<String> created = post(ServiceKind.CAPACITY, "/api/v1/capacity", DemoUsers.PROVIDER, """
                {"providerType":"GGZ_INSTITUTION","locationPostcode":"3012 KK","diagnosisGroups":["DEPRESSION","ANXIETY"],
                 "careLevel":"SPECIALIST","places":2,"availableFrom":"2026-12-01"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String lineId = json(created.body()).get("capacityLineId").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(ServiceKind.TRANSFER_TABLE, "/api/v1/capacity-lines", DemoUsers.COORDINATOR_B).body())
                        .contains(lineId));
    }

    @Test
    void the_wrong_role_is_refused_and_nothing_is_registered() {
        HttpResponse<String> refused = post(ServiceKind.INTAKE, "/api/v1/referrals", DemoUsers.PROVIDER, """
                {"bsn":"111222333","name":"Jan Jansen","dateOfBirth":"1990-04-01","postcode":"3011 AB","insurerUzovi":"3311",
                 "diagnosisGroup":"DEPRESSION","careLevel":"SPECIALIST","urgency":"REGULAR","screeningConsent":true}""");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static JsonNode json(String body) {
        return StackHttp.json(body);
    }

    private static HttpResponse<String> get(ServiceKind kind, String path, DemoUser user) {
        return StackHttp.get(stack.url(kind) + path, user == null ? null : stack.tokenFor(user));
    }

    private static HttpResponse<String> post(ServiceKind kind, String path, DemoUser user, String body) {
        return StackHttp.post(stack.url(kind) + path, stack.tokenFor(user), body);
    }
}
