package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The IT classes of local-stack share one JVM (ADR 1113): a stack must never see another stack's capacity,
 * referrals or events. The reason one JVM per class was needed before (commit f1c90ad): on the JVM's shared
 * databases CapacityDemoLoaderIT's demo capacity took FhirGatewayIT's referral. Here two stacks run side by
 * side in one JVM, with the same demo organisations and region; the second starts after the first has
 * committed and published its capacity and referral. On shared databases the second would list the first's
 * line and referral at once; on shared topics its transfer table would project the first's events (fresh
 * consumer groups read from the start, a shared group splits the partitions between the two).
 */
class StacksShareNothingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static LocalStack first;
    private static LocalStack second;

    @AfterAll
    static void stop() {
        for (LocalStack stack : new LocalStack[] {second, first}) {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    void two_stacks_of_one_jvm_never_see_each_others_capacity_referrals_or_events() {
        first = LocalStack.start(LocalStack.Options.randomPorts(false));
        String firstLine = announce(first);
        String firstReferral = refer(first);
        awaitInTransferTable(first, firstLine, firstReferral);

        second = LocalStack.start(LocalStack.Options.randomPorts(false));
        String secondLine = announce(second);
        String secondReferral = refer(second);
        // the second stack's own events have gone through its topics into its transfer table: whatever was on
        // those topics before them (the first stack's, were the topics shared) has been consumed too
        awaitInTransferTable(second, secondLine, secondReferral);

        assertSeesNothingOf(second, firstLine, firstReferral);
        assertSeesNothingOf(first, secondLine, secondReferral);
    }

    private static void assertSeesNothingOf(LocalStack stack, String line, String referral) {
        assertThat(get(stack, ServiceKind.CAPACITY, "/api/v1/capacity", DemoUsers.PROVIDER))
                .as("capacity-service's lines").doesNotContain(line);
        assertThat(get(stack, ServiceKind.INTAKE, "/api/v1/referrals?limit=500", DemoUsers.GP))
                .as("intake's worklist").doesNotContain(referral);
        assertThat(get(stack, ServiceKind.TRANSFER_TABLE, "/api/v1/capacity-lines", DemoUsers.COORDINATOR_B))
                .as("the transfer table's capacity").doesNotContain(line);
        assertThat(get(stack, ServiceKind.TRANSFER_TABLE, "/api/v1/waiting-clients", DemoUsers.COORDINATOR_A))
                .as("the transfer table's waiting clients").doesNotContain(referral);
        assertThat(get(stack, ServiceKind.NOTIFICATION, "/api/v1/inbox", DemoUsers.GP))
                .as("the GP's inbox").doesNotContain(referral);
    }

    private static void awaitInTransferTable(LocalStack stack, String line, String referral) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(get(stack, ServiceKind.TRANSFER_TABLE, "/api/v1/capacity-lines", DemoUsers.COORDINATOR_B))
                    .contains(line);
            assertThat(get(stack, ServiceKind.TRANSFER_TABLE, "/api/v1/waiting-clients", DemoUsers.COORDINATOR_A))
                    .contains(referral);
            assertThat(get(stack, ServiceKind.NOTIFICATION, "/api/v1/inbox", DemoUsers.GP)).contains(referral);
        });
    }

    private static String announce(LocalStack stack) {
        HttpResponse<String> created = StackHttp.post(stack.url(ServiceKind.CAPACITY) + "/api/v1/capacity",
                stack.tokenFor(DemoUsers.PROVIDER), """
                {"providerType":"GGZ_INSTITUTION","locationPostcode":"3012 KK","diagnosisGroups":["DEPRESSION"],
                 "careLevel":"SPECIALIST","places":1,"availableFrom":"%s"}""".formatted(LocalDate.now()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return StackHttp.json(created.body()).path("capacityLineId").asText();
    }

    private static String refer(LocalStack stack) {
        HttpResponse<String> created = StackHttp.post(stack.url(ServiceKind.INTAKE) + "/api/v1/referrals",
                stack.tokenFor(DemoUsers.GP), """
                {"bsn":"%s","name":"Iso Latie","dateOfBirth":"1990-04-01","postcode":"3011 AB","insurerUzovi":"3311",
                 "diagnosisGroup":"ANXIETY","careLevel":"SPECIALIST","urgency":"REGULAR","maxTravelKm":25,
                 "eHealthAcceptable":true,"screeningConsent":true}""".formatted(StackSteps.bsn()),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return StackHttp.json(created.body()).path("referralId").asText();
    }

    private static String get(LocalStack stack, ServiceKind kind, String path, DemoUser user) {
        HttpResponse<String> answer = StackHttp.get(stack.url(kind) + path, stack.tokenFor(user));
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }
}
