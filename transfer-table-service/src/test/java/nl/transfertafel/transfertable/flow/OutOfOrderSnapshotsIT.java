package nl.transfertafel.transfertable.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;

/**
 * The read model converges whatever order a line's or a restriction's events arrive in (a dead
 * letter replayed later, a redelivery after a rebalance): nothing is dropped because its
 * predecessor is late, and nothing older overwrites something newer.
 */
class OutOfOrderSnapshotsIT extends FlowScenarios {

    @Test
    void a_line_change_that_arrives_before_the_announcement_is_kept_and_wins() {
        String region = "rotterdam";
        String line = id("line");
        String provider = "02" + (100000 + (int) (Math.random() * 800000));
        // the reservation (version 1) and a correction (version 2) overtook the announcement
        EVENTS.publish(region, line, changed(line, provider, 3, 1, CapacityLineChanged.State.OPEN, 2));
        EventEnvelope announced = EVENTS.publish(region, line, World.line(line, provider, "3012", 3));
        awaitProcessed(announced);

        assertThat(line(line)).containsEntry("line_version", 2L).containsEntry("places_left", 1)
                .containsEntry("care_level", "SPECIALIST").containsEntry("diagnosis_groups", "DEPRESSION,ANXIETY");
        assertThat(count("select count(*) from capacity_line where capacity_line_id = :v and announced", line))
                .as("visible to matching").isEqualTo(1);
    }

    @Test
    void a_late_announcement_does_not_undo_a_newer_change() {
        String region = "rotterdam";
        String line = id("line");
        String provider = "02" + (100000 + (int) (Math.random() * 800000));
        EVENTS.publish(region, line, World.line(line, provider, "3012", 3));
        EVENTS.publish(region, line, changed(line, provider, 3, 0, CapacityLineChanged.State.FULL, 3));
        // the same announcement once more as a new message (a replay after the ledger was purged)
        EventEnvelope late = EVENTS.publish(region, line, World.line(line, provider, "3012", 3));
        awaitProcessed(late);

        assertThat(line(line)).containsEntry("line_version", 3L).containsEntry("places_left", 0)
                .containsEntry("state", "FULL");
    }

    @Test
    void an_older_stop_change_does_not_undo_a_newer_one() {
        String region = "rotterdam";
        String restriction = id("stop");
        String provider = "02" + (100000 + (int) (Math.random() * 800000));
        Instant lifted = Instant.now();
        EVENTS.publish(region, provider, stop(restriction, provider, false), lifted);
        EventEnvelope older = EVENTS.publish(region, provider, stop(restriction, provider, true), lifted.minusSeconds(60));
        awaitProcessed(older);

        assertThat(db.sql("select active from registration_restriction where restriction_id = :v").bind("v", restriction)
                .map(r -> r.get("active", Boolean.class)).one().block()).isFalse();
    }

    private static CapacityLineChanged changed(String line, String provider, int total, int left,
            CapacityLineChanged.State state, long version) {
        return new CapacityLineChanged(line, provider, total, left, LocalDate.now(), LocalDate.now().plusDays(60), state,
                CapacityLineChanged.Change.RESERVED, LocalDate.now(), version);
    }

    private static RegistrationRestrictionChanged stop(String id, String provider, boolean active) {
        return new RegistrationRestrictionChanged(id, provider, RegistrationRestrictionChanged.Kind.STOP, null, active,
                "full", LocalDate.now(), null);
    }

    private void awaitProcessed(EventEnvelope event) {
        await().atMost(WAIT).until(() -> count("select count(*) from processed_event where event_id = :v::uuid",
                event.eventId().toString()) > 0);
    }

    private Map<String, Object> line(String line) {
        return db.sql("""
                        select line_version, places_left, state, care_level, diagnosis_groups
                        from capacity_line where capacity_line_id = :v""")
                .bind("v", line)
                .fetch().one().block();
    }

}
