package nl.transfertafel.transfertable.flow;

import static nl.transfertafel.transfertable.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.capacity.ProviderClosureAnnounced;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.transfer.TransferOffered;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.proposal.application.MatchingRounds;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 item 2, ADR 1430, on the real engines: a closure member its own region cannot place is offered a line
 * of another region, screened by its own region's coordinators, and the line's region never proposes the same
 * place again while the out-of-region proposal holds it, also when the two regions' rounds run at once.
 *
 * <p>Each test lives in postcode districts no other test uses (97, 75), so other tests' lines and clients are
 * beyond every client's 25 km here and cannot take part.
 */
class OutOfRegionIT extends FlowScenarios {

    private static final String CLOSING = "24200001";
    private static final String RECEIVING = "24200002";
    private static final String CLOSING_TOO = "24200011";
    private static final String RECEIVING_TOO = "24200012";
    private static final String OTHER = "24200013";

    @Autowired
    MatchingRounds rounds;

    private static String region(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A waiting client of the closing provider, a closure of it, and the wait until its region could not place it. */
    private String strandedClosureMember(String region, String provider, String area, LocalDate registered) {
        String client = id("ref-stranded");
        EVENTS.publish(region, client, World.referral(client, area, Urgency.REGULAR, registered));
        EVENTS.publish(region, client, World.entry(client, provider, WaitingEntryChanged.Stage.WAITING, registered, 1));
        await().atMost(WAIT).until(() -> count("select count(*) from waiting_client where referral_id = :v"
                + " and entry_version is not null and has_referral", client) == 1);
        String closureId = "closure-" + UUID.randomUUID();
        EVENTS.publish(region, closureId, new ProviderClosureAnnounced(closureId, provider, null, List.of(),
                today().plusDays(45), "Desk " + provider, List.of()));
        // the closure asks for a round of the region; it has no line, so the member may look elsewhere
        await().atMost(WAIT).until(() -> count("select count(*) from out_of_region_eligible where referral_id = :v",
                client) == 1);
        return client;
    }

    private long holdingOn(String line) {
        return count("select count(*) from proposal where capacity_line_id = :v"
                + " and state in ('PROPOSED', 'SCREENED_ONCE', 'APPROVED', 'OFFERED')", line);
    }

    @Test
    void a_closure_member_its_region_cannot_place_gets_a_line_of_another_region_screened_by_its_own_region() {
        String home = region("oor-home");
        String elsewhere = region("oor-else");
        String client = strandedClosureMember(home, CLOSING, "9711", today().minusDays(20));
        String closureId = db.sql("select closure_id from closure_member where referral_id = :v").bind("v", client)
                .map(row -> row.get("closure_id", String.class)).one().block();
        String coordinatorA = token("coord-a-" + home, "COORDINATOR", "24200009", home);
        JsonNode searching = api.json(api.get(coordinatorA, "/api/v1/closures/" + closureId), 200);
        assertThat(searching.path("report").path("searchingOutOfRegion").asInt()).isEqualTo(1);
        assertThat(searching.path("members").path(0).path("outOfRegionSince").asText()).isEqualTo(today().toString());

        // a place opens in another region, 3 km away: that region's round leaves it free, the home region's pass takes it
        String line = id("line-elsewhere");
        FakeCapacityService.instance().places(line, 1);
        EVENTS.publish(elsewhere, RECEIVING, World.contract(RECEIVING, true, false, System.nanoTime()));
        EVENTS.publish(elsewhere, line, World.line(line, RECEIVING, "9712", 1));
        await().atMost(WAIT).until(() -> count("select count(*) from capacity_line where capacity_line_id = :v"
                + " and announced", line) == 1);
        // the home region's next round (an event of the region or the scheduled re-match) runs its pass
        rounds.runRegion(home).block(WAIT);

        TransferProposed proposed = onKafka(typeFor(TransferProposed.class, client)).get(0).payloadAs(TransferProposed.class);
        assertThat(proposed.capacityLineId()).isEqualTo(line);
        assertThat(db.sql("select region from proposal where proposal_id = :v").bind("v", proposed.proposalId())
                .map(row -> row.get("region", String.class)).one().block()).isEqualTo(home);
        JsonNode detail = api.json(api.get(coordinatorA, "/api/v1/proposals/" + proposed.proposalId()), 200);
        assertThat(detail.path("explanation").path("summary").asText()).startsWith("out of region (" + elsewhere + ")");
        assertThat(detail.path("explanation").path("note").asText()).contains("Out of region");
        String coordinatorOfLine = token("coord-" + elsewhere, "COORDINATOR", "24200007", elsewhere);
        api.json(api.get(coordinatorOfLine, "/api/v1/proposals/" + proposed.proposalId()), 404);

        // four eyes in the client's region, as always; the reservation goes to the line's provider
        String coordinatorB = token("coord-b-" + home, "COORDINATOR", "24200008", home);
        api.json(api.post(coordinatorA, "/api/v1/proposals/" + proposed.proposalId() + "/approve", null), 200);
        api.json(api.post(coordinatorB, "/api/v1/proposals/" + proposed.proposalId() + "/approve", null), 200);
        onKafka(typeFor(TransferOffered.class, proposed.proposalId()));
        assertThat(FakeCapacityService.instance().reservationOf(proposed.proposalId())).isNotNull();

        JsonNode offered = api.json(api.get(coordinatorA, "/api/v1/closures/" + closureId), 200);
        assertThat(offered.path("report").path("offered").asInt()).isEqualTo(1);
        assertThat(offered.path("report").path("outOfRegion").asInt()).isEqualTo(1);
        assertThat(offered.path("report").path("searchingOutOfRegion").asInt()).isZero();
        assertThat(offered.path("members").path(0).path("outOfRegion").asBoolean()).isTrue();
    }

    @Test
    void a_place_held_out_of_region_is_never_proposed_again_by_its_own_region_also_when_both_rounds_race() {
        String home = region("oor-race-home");
        String lineRegion = region("oor-race-line");
        String stranded = strandedClosureMember(home, CLOSING_TOO, "7511", today().minusDays(30));
        String line = id("line-last-place");
        FakeCapacityService.instance().places(line, 1);
        EVENTS.publish(lineRegion, RECEIVING_TOO, World.contract(RECEIVING_TOO, true, false, System.nanoTime()));
        EVENTS.publish(lineRegion, line, World.line(line, RECEIVING_TOO, "7512", 1));
        await().atMost(WAIT).until(() -> count("select count(*) from capacity_line where capacity_line_id = :v"
                + " and announced", line) == 1);
        rounds.runRegion(home).block(WAIT);
        await().atMost(WAIT).until(() -> count("select count(*) from proposal where referral_id = :v", stranded) == 1);
        assertThat(holdingOn(line)).isEqualTo(1);

        // a client of the line's own region arrives, next to the line, waiting longer: the place is held already
        String local = id("ref-local");
        EVENTS.publish(lineRegion, local, World.referral(local, "7512", Urgency.REGULAR, today().minusDays(60)));
        EVENTS.publish(lineRegion, local, World.entry(local, OTHER, WaitingEntryChanged.Stage.WAITING,
                today().minusDays(60), 1));
        await().atMost(WAIT).until(() -> count("select count(*) from waiting_client where referral_id = :v"
                + " and entry_version is not null and has_referral", local) == 1);
        // both regions' rounds (and so the home region's out-of-region pass) at once, several times
        List<Mono<MatchingRounds.RoundReport>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(rounds.runRegion(home).subscribeOn(Schedulers.boundedElastic()));
            racing.add(rounds.runRegion(lineRegion).subscribeOn(Schedulers.boundedElastic()));
        }
        Mono.when(racing).block(Duration.ofSeconds(60));

        assertThat(holdingOn(line)).isEqualTo(1);
        assertThat(count("select count(*) from proposal where referral_id = :v", local)).isZero();
        assertThat(count("select count(*) from proposal where referral_id = :v", stranded)).isEqualTo(1);
    }
}
