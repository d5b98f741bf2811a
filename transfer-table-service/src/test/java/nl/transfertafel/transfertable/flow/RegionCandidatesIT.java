package nl.transfertafel.transfertable.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.readmodel.infrastructure.RegionCandidates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The candidates a round works on, kept per instance and read by change (issue 10, ADR 1160), are always the
 * candidates a full read of the region gives at that moment: after random read-model changes, read by two
 * instances taking turns; with a writer that was running at the last read and commits after a later writer;
 * and a round after one new referral reads that referral's row, not the region's list.
 */
class RegionCandidatesIT extends FlowScenarios {

    private static final String[] STAGES = {null, "WAITING", "WAITING", "WAITING", "INTAKE_DONE", "IN_TREATMENT",
        "WITHDRAWN"};

    @Autowired
    ReadModelRepository readModel;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    ConnectionFactory connections;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** An instance's candidates that never fall back to a full read on their own (the delta path is under test). */
    private RegionCandidates anInstance() {
        return new RegionCandidates(readModel, Duration.ofDays(365), System::nanoTime, meters);
    }

    private List<WaitingClient> fullRead(String region) {
        return tx.transactional(readModel.clients(region).collectList()).block(WAIT);
    }

    private List<WaitingClient> incremental(RegionCandidates instance, String region) {
        return tx.transactional(instance.candidates(region)).block(WAIT);
    }

    private double rowsRead(String region, String read) {
        var counter = meters.find("transfertafel.matching.candidate-rows-read").tags("region", region, "read", read)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void after_random_read_model_changes_two_instances_taking_turns_see_exactly_what_a_full_read_sees() {
        long seed = Long.getLong("candidates.seed", System.nanoTime());
        Random random = new Random(seed);
        String region = id("region-equivalence");
        String elsewhere = id("region-elsewhere");
        RegionCandidates first = anInstance();
        RegionCandidates second = anInstance();
        List<String> referrals = new ArrayList<>();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(id("person"));
        }
        for (int step = 0; step < 60; step++) {
            int changes = 1 + random.nextInt(5);
            for (int c = 0; c < changes; c++) {
                if (referrals.isEmpty() || random.nextInt(3) == 0) {
                    String referral = id("ref-eq");
                    boolean here = random.nextInt(8) != 0;
                    insert(referral, here ? region : elsewhere, people.get(random.nextInt(people.size())), random);
                    if (here) {
                        referrals.add(referral);
                    }
                } else {
                    update(referrals.get(random.nextInt(referrals.size())), random);
                }
            }
            RegionCandidates instance = random.nextBoolean() ? first : second;
            List<WaitingClient> expected = fullRead(region);
            assertThat(incremental(instance, region))
                    .as("seed %d, step %d: the instance's candidates equal a full read (same clients, same order)",
                            seed, step)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(fullRead(region)).as("seed %d: the sequence left candidates to compare", seed).isNotEmpty();
        assertThat(rowsRead(region, "full")).as("each instance read the region in full once, then by change")
                .isLessThan(referrals.size() * 2.0);
    }

    @Test
    void a_change_whose_writer_was_running_at_the_last_read_and_commits_after_a_later_writer_is_not_missed() {
        String region = id("region-out-of-order");
        String slow = id("ref-slow");
        String fast = id("ref-fast");
        String person = id("person-slow");
        insertCandidate(slow, region, person, LocalDate.of(2025, 3, 1));
        RegionCandidates instance = anInstance();
        assertThat(incremental(instance, region)).extracting(WaitingClient::referralId).containsExactly(slow);

        Connection writer = Mono.from(connections.create()).block(WAIT);
        try {
            Mono.from(writer.beginTransaction()).block(WAIT);
            // the slow writer starts first: the client starts treatment (no longer a candidate)
            Flux.from(writer.createStatement("update waiting_client set stage = 'IN_TREATMENT' where referral_id = $1")
                            .bind("$1", slow).execute())
                    .flatMap(Result::getRowsUpdated).blockLast(WAIT);
            // a later writer commits first; a round reads it (the slow one still running)
            insertCandidate(fast, region, id("person-fast"), LocalDate.of(2025, 4, 1));
            assertThat(incremental(instance, region)).as("the slow change is not committed yet")
                    .containsExactlyElementsOf(fullRead(region))
                    .extracting(WaitingClient::referralId).containsExactlyInAnyOrder(slow, fast);

            Mono.from(writer.commitTransaction()).block(WAIT);
        } finally {
            Mono.from(writer.close()).block(WAIT);
        }
        assertThat(incremental(instance, region))
                .as("the slow change, from a transaction older than the one last read, is read once it is committed")
                .containsExactlyElementsOf(fullRead(region))
                .extracting(WaitingClient::referralId).containsExactly(fast);
    }

    @Test
    void a_round_after_one_new_referral_reads_that_referral_not_the_whole_region() {
        String region = id("region-one-new");
        for (int i = 0; i < 200; i++) {
            insertCandidate(id("ref-many"), region, id("person-many"), LocalDate.of(2025, 1, 1).plusDays(i));
        }
        RegionCandidates instance = anInstance();
        assertThat(incremental(instance, region)).hasSize(200);
        assertThat(rowsRead(region, "full")).isEqualTo(200);

        insertCandidate(id("ref-new"), region, id("person-new"), LocalDate.of(2026, 1, 1));
        assertThat(incremental(instance, region)).hasSize(201).containsExactlyElementsOf(fullRead(region));
        assertThat(rowsRead(region, "delta")).as("rows read and decoded by the round after the new referral")
                .isEqualTo(1);
        assertThat(rowsRead(region, "full")).as("no second full read").isEqualTo(200);

        assertThat(incremental(instance, region)).hasSize(201);
        assertThat(rowsRead(region, "delta")).as("nothing changed: nothing read").isEqualTo(1);
    }

    @Test
    void a_read_by_a_transaction_that_wrote_to_the_list_itself_answers_it_but_is_not_kept() {
        String region = id("region-own-writes");
        String kept = id("ref-kept");
        insertCandidate(kept, region, id("person-kept"), LocalDate.of(2025, 5, 1));
        RegionCandidates instance = anInstance();
        assertThat(incremental(instance, region)).extracting(WaitingClient::referralId).containsExactly(kept);

        String rolledBack = id("ref-rolled-back");
        List<WaitingClient> seenInside = tx.execute(status -> {
            status.setRollbackOnly();
            return db.sql("""
                            insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb, has_referral,
                                registered_on, entry_version, stage, recorded_at, updated_at)
                            values (:id, :region, :person, '01000001', true, date '2025-06-01', 1, 'WAITING', now(), now())""")
                    .bind("id", rolledBack).bind("region", region).bind("person", id("person-rolled-back"))
                    .then().then(instance.candidates(region));
        }).blockLast(WAIT);
        assertThat(seenInside).as("the transaction sees its own write").extracting(WaitingClient::referralId)
                .containsExactlyInAnyOrder(kept, rolledBack);

        assertThat(incremental(instance, region)).as("the write rolled back: the instance does not hold it")
                .containsExactlyElementsOf(fullRead(region))
                .extracting(WaitingClient::referralId).containsExactly(kept);
    }

    // ------------------------------------------------------------------ read-model changes, as the consumers make them

    private void insertCandidate(String referral, String region, String person, LocalDate registeredOn) {
        db.sql("""
                        insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb, has_referral,
                            diagnosis_group, care_level, urgency, registered_on, entry_version, stage, screening_consent,
                            recorded_at, updated_at)
                        values (:id, :region, :person, '01000001', true, 'ANXIETY', 'SPECIALIST', 'REGULAR', :on, 1,
                            'WAITING', true, now(), now())""")
                .bind("id", referral).bind("region", region).bind("person", person).bind("on", registeredOn)
                .then().block(WAIT);
    }

    private void insert(String referral, String region, String person, Random random) {
        var spec = db.sql("""
                        insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb, has_referral,
                            diagnosis_group, care_level, urgency, registered_on, entry_version, stage, screening_consent,
                            recorded_at, updated_at)
                        values (:id, :region, :person, '01000001', :hasReferral, 'ANXIETY', 'SPECIALIST', 'REGULAR',
                            cast(:on as date), cast(:version as bigint), cast(:stage as text), :consent, now(), now())""")
                .bind("id", referral).bind("region", region).bind("person", person)
                .bind("hasReferral", random.nextInt(5) != 0)
                .bind("consent", random.nextBoolean());
        spec = random.nextInt(6) == 0 ? spec.bindNull("on", LocalDate.class) : spec.bind("on", aDate(random));
        spec = random.nextInt(4) == 0 ? spec.bindNull("version", Long.class) : spec.bind("version", 1L);
        String stage = STAGES[random.nextInt(STAGES.length)];
        spec = stage == null ? spec.bindNull("stage", String.class) : spec.bind("stage", stage);
        spec.then().block(WAIT);
    }

    private void update(String referral, Random random) {
        String change = switch (random.nextInt(7)) {
            case 0 -> "has_referral = true";
            case 1 -> "entry_version = coalesce(entry_version, 0) + 1";
            case 2 -> {
                String stage = STAGES[random.nextInt(STAGES.length)];
                yield "stage = " + (stage == null ? "null" : "'" + stage + "'");
            }
            case 3 -> "registered_on = date '2024-01-01' + " + random.nextInt(400);
            case 4 -> "wait_counts_from = " + (random.nextBoolean() ? "null" : "date '2024-01-01' + " + random.nextInt(400));
            case 5 -> "postcode_area = '" + (10 + random.nextInt(80)) + "', screening_consent = not screening_consent";
            default -> "treeknorm_level = 'TREEKNORM_" + random.nextInt(3) + "'";
        };
        db.sql("update waiting_client set " + change + " where referral_id = :id").bind("id", referral).then()
                .block(WAIT);
    }

    private static LocalDate aDate(Random random) {
        // few distinct dates: ties between a person's referrals happen, and the referral id decides them
        return LocalDate.of(2024, 1, 1).plusDays(random.nextInt(20));
    }
}
