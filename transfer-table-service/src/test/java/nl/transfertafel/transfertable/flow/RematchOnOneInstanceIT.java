package nl.transfertafel.transfertable.flow;

import static org.assertj.core.api.Assertions.assertThat;


import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.transfertable.common.infrastructure.JobLeases;
import nl.transfertafel.transfertable.proposal.infrastructure.TransferTableJobs;
import nl.transfertafel.transfertable.escalation.application.EscalationService;
import nl.transfertafel.transfertable.matching.application.MatchTrigger;
import nl.transfertafel.transfertable.matching.application.RegionDebouncer;
import nl.transfertafel.transfertable.proposal.application.OfferService;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every instance schedules the full re-match; one instance per interval runs it. Two instances are
 * two job objects over the same database, each with a trigger that records the regions it asked for.
 */
class RematchOnOneInstanceIT extends FlowScenarios {

    private static final Duration EVERY = Duration.ofMinutes(15);

    @Autowired
    OfferService offers;
    @Autowired
    EscalationService escalations;
    @Autowired
    ReadModelRepository readModel;
    @Autowired
    JobLeases leases;

    @Test
    void two_instances_on_the_same_schedule_rematch_once_per_interval() {
        db.sql("""
                        insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb, has_referral,
                            recorded_at, updated_at)
                        values (:id, 'zeeland', 'pseudonym', '01000001', true, now(), now())""")
                .bind("id", id("ref")).then().block();
        // later than any lease other tests may have taken with the moved business clock
        Instant tick = Instant.now().plus(Duration.ofDays(3650));
        List<String> askedByA = new ArrayList<>();
        List<String> askedByB = new ArrayList<>();
        TransferTableJobs a = instance(askedByA, tick);
        TransferTableJobs b = instance(askedByB, tick.plusSeconds(2));

        assertThat(a.rematchAllRegions()).isPositive();
        assertThat(b.rematchAllRegions()).isZero();

        assertThat(askedByA).contains("zeeland");
        assertThat(askedByB).isEmpty();
        // a full interval later it is due again, for whichever instance comes first
        assertThat(instance(askedByB, tick.plus(EVERY)).rematchAllRegions()).isPositive();
        assertThat(askedByB).contains("zeeland");
    }

    private TransferTableJobs instance(List<String> asked, Instant now) {
        RegionDebouncer<Observation> recording = new RegionDebouncer<>(Duration.ZERO, (task, delay) -> {
            task.run();
            return () -> { };
        }, Clock.systemUTC(), (region, requesters) -> asked.add(region));
        return new TransferTableJobs(offers, escalations, readModel, new MatchTrigger(recording, ObservationRegistry.NOOP), leases,
                Clock.fixed(now, ZoneOffset.UTC), EVERY);
    }
}
