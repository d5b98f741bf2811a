package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default keeps its data: a stack started on a data folder, killed with {@code kill -9} (the
 * launcher JVM, PostgreSQL and all, at once) in the middle of real work, and started again on the same
 * folder, has every referral, proposal, approval and notification exactly once, and loads no demo data over
 * it (demo data is for an empty folder only).
 */
class DataSurvivesKillIT {

    private static final Duration START = Duration.ofMinutes(5);

    @Test
    void a_stack_killed_with_kill_9_restarts_on_its_folder_with_everything_exactly_once() throws Exception {
        Path dataDir = Path.of("target", "it-data", "killed-" + UUID.randomUUID()).toAbsolutePath();
        String provider = "22960001";
        String referral;
        String proposal;
        long offerNotifications;
        long proposalNotifications;
        try (LauncherProcess first = LauncherProcess.start(dataDir, "stack.json", "768m", Map.of(),
                "--data-dir", dataDir.toString(), "--fresh", "--no-demo-data", "--random-ports")) {
            RunningStack stack = new RunningStack(first.awaitReady(dataDir.resolve("stack.json"), START));
            StackSteps steps = new StackSteps(stack);
            steps.announce(provider, "TRAUMA", 1);
            steps.contract(provider);
            referral = steps.refer("TRAUMA", 1);
            proposal = steps.awaitProposal(referral, 1);
            assertThat(steps.approve("coordinator-a", proposal).path("state").asText()).isEqualTo("SCREENED_ONCE");
            assertThat(steps.approve("coordinator-b", proposal).path("state").asText()).isEqualTo("OFFERED");
            // the GP's notification of the offer is in its inbox before the crash
            await().atMost(StackSteps.WAIT).until(() -> stack.count("notification-service",
                    "select count(*) from inbox_notification where subject_kind = 'OFFER' and subject_id = ?", proposal) > 0);
            offerNotifications = stack.count("notification-service",
                    "select count(*) from inbox_notification where subject_id = ? and subject_kind = 'OFFER'", proposal);
            proposalNotifications = stack.count("notification-service",
                    "select count(*) from inbox_notification where subject_id = ? and subject_kind = 'PROPOSAL'", proposal);

            first.killEverything();
        }

        // again on the same folder, this time without --no-demo-data: the folder is not empty, so none is loaded
        try (LauncherProcess second = LauncherProcess.start(dataDir, "stack.json", "768m", Map.of(),
                "--data-dir", dataDir.toString(), "--random-ports")) {
            RunningStack stack = new RunningStack(second.awaitReady(dataDir.resolve("stack.json"), START));
            StackSteps steps = new StackSteps(stack);

            assertThat(stack.count("intake-service", "select count(*) from referral where id = ?::uuid", referral))
                    .isEqualTo(1);
            assertThat(stack.count("intake-service", "select count(*) from referral")).as("no demo data on a kept folder")
                    .isEqualTo(1);
            var entries = steps.worklistEntries(referral);
            assertThat(entries).hasSize(1);
            JsonNode detail = steps.proposal(proposal);
            assertThat(detail.path("state").asText()).isEqualTo("OFFERED");
            assertThat(detail.path("fourEyes").path("approvals")).hasSize(2);
            // redelivered events (a relay that sent but had not marked) must not add a notification: it stays
            // exactly what it was before the crash while the restarted relays and consumers catch up
            await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
                assertThat(stack.count("notification-service",
                        "select count(*) from inbox_notification where subject_id = ? and subject_kind = 'OFFER'", proposal))
                        .isEqualTo(offerNotifications);
                assertThat(stack.count("notification-service",
                        "select count(*) from inbox_notification where subject_id = ? and subject_kind = 'PROPOSAL'",
                        proposal)).isEqualTo(proposalNotifications);
                assertThat(steps.worklistEntries(referral)).hasSize(1);
            });
            assertThat(offerNotifications).isPositive();
            // and it still works: the receiving provider accepts the offer made before the crash
            JsonNode accepted = StackSteps.json(StackHttp.post(stack.url("transfer-table-service") + "/api/v1/offers/"
                    + proposal + "/provider-response", stack.token("desk-" + provider, "PROVIDER", provider),
                    Map.of("accepted", true, "handoverContact", "Intake desk, 010-7654321")), 200);
            assertThat(accepted.path("state").asText()).isEqualTo("ACCEPTED_BY_PROVIDER");

            assertThat(second.stop(Duration.ofSeconds(90))).isIn(0, 143);
            assertThat(second.output()).contains("Stopping the local stack: services first");
        }
    }
}
