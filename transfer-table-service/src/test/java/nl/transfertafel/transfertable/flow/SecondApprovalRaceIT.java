package nl.transfertafel.transfertable.flow;

import static nl.transfertafel.transfertable.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.transfertable.support.BeforeStatement;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * The second approval reserves the place at capacity-service and then moves the proposal to OFFERED. Meanwhile
 * capacity-service's {@code ReservationChanged(HELD)} comes back through Kafka and the table records the held
 * reservation on the proposal ({@code ReactionsToCapacityAndIntake.reservationHeld}), which bumps its version.
 * When that lands between the offer's read and its write, the coordinator must still get the policy's own
 * answer (OFFERED), not 409 concurrent-update, and the place must be reserved once (seen once in a loaded
 * local stack; here the record is put exactly in that gap, so it happens every time).
 */
class SecondApprovalRaceIT extends ProposalScenarios {

    /** What {@code ProposalRepository.recordKnownReservation} sends when the HELD event is consumed. */
    private static final String RECORD_HELD_RESERVATION = "update proposal set reservation_id = ?, version = version + 1"
            + " where proposal_id = ? and reservation_id is null and state in ('PROPOSED','SCREENED_ONCE','APPROVED')";

    @Value("${spring.flyway.url}")
    String jdbcUrl;
    @Value("${spring.flyway.user}")
    String jdbcUser;
    @Value("${spring.flyway.password}")
    String jdbcPassword;

    @AfterEach
    void disarm() {
        BeforeStatement.disarm();
    }

    @Test
    void a_held_reservation_recorded_between_the_offers_read_and_write_still_answers_the_second_approver_offered() {
        String region = "t-gooi";
        String proposal = proposed(region, id("ref-race"), id("line-race"), 2);
        api.json(api.post(token("coordinator-1-" + region, "COORDINATOR", "22790001", region),
                "/api/v1/proposals/" + proposal + "/approve", null), 200);
        AtomicInteger recorded = new AtomicInteger();
        // the first write about this proposal after capacity-service reserved its place is the offer's write
        BeforeStatement.arm(sent -> sent.sql().stripLeading().startsWith("update proposal set state")
                        && sent.values().contains(proposal) && FakeCapacityService.instance().reservationOf(proposal) != null,
                () -> recorded.addAndGet(recordHeldReservation(proposal, FakeCapacityService.instance().reservationOf(proposal))));
        int callsBefore = FakeCapacityService.instance().calls();

        var answer = api.post(token("coordinator-2-" + region, "COORDINATOR", "22790002", region),
                "/api/v1/proposals/" + proposal + "/approve", null).expectBody(String.class).returnResult();

        assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(200);
        JsonNode second = EventJson.mapper().readTree(answer.getResponseBody());

        assertThat(recorded.get()).as("the held reservation was recorded in the gap").isEqualTo(1);
        assertThat(second.path("state").asText()).isEqualTo("OFFERED");
        assertThat(second.path("reason").asText()).contains("The place is reserved");
        assertThat(stateOf(proposal)).isEqualTo("OFFERED");
        assertThat(text("select reservation_id from proposal where proposal_id = :v", proposal))
                .isEqualTo(FakeCapacityService.instance().reservationOf(proposal));
        assertThat(FakeCapacityService.instance().calls() - callsBefore).as("reserved once").isEqualTo(1);
        assertThat(count("select count(*) from proposal_approval where proposal_id = :v", proposal))
                .as("two approvals, neither taken twice").isEqualTo(2);
        assertThat(outboxed("TransferOffered", proposal)).as("offered once").isEqualTo(1);
        assertThat(outboxed("ProposalScreened", proposal)).as("screened events as without the race").isEqualTo(2);
    }

    /** On a connection of its own, committed at once: as the Kafka consumer's transaction would. */
    private int recordHeldReservation(String proposalId, String reservationId) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
                PreparedStatement update = connection.prepareStatement(RECORD_HELD_RESERVATION)) {
            update.setString(1, reservationId);
            update.setString(2, proposalId);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
