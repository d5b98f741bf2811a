package nl.transfertafel.deploychecks.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.transfertafel.deploychecks.Repository;
import org.junit.jupiter.api.Test;

/** The Grafana dashboards: valid JSON, unique panel ids, and a panel for each figure issue 12 names. */
class DashboardsTest {

    private static final Path DASHBOARDS = Repository.deploy().resolve("helm/transfertafel/files/grafana");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_dashboards_show_the_figures_that_matter() throws IOException {
        List<String> expressions = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                assertThat(dashboard.get("uid").asText()).as(file.toString()).startsWith("transfertafel-");
                Set<Integer> ids = new HashSet<>();
                for (JsonNode panel : dashboard.get("panels")) {
                    assertThat(ids.add(panel.get("id").asInt())).as(file + " panel id " + panel.get("id")).isTrue();
                    assertThat(panel.get("targets")).as(file + " " + panel.get("title")).isNotEmpty();
                    panel.get("targets").forEach(target -> expressions.add(target.get("expr").asText()));
                }
            }
        }
        // waiting beyond norm, capacity -> proposal latency, screening backlog, outbox backlog and age,
        // consumer lag, dead letters, webhook failures
        for (String metric : List.of("transfertafel_waiting_beyond_norm", "transfertafel_proposals_capacity_to_proposal_seconds",
                "transfertafel_screening_backlog", "transfertafel_outbox_backlog", "transfertafel_outbox_oldest_age_seconds",
                "spring_cloud_stream_binder_kafka_offset", "transfertafel_events_dead_letters_pending",
                "transfertafel_notifications_failed_total")) {
            assertThat(expressions).as(metric).anyMatch(expr -> expr.contains(metric));
        }
    }
}
