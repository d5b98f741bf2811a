package nl.transfertafel.transfertable.readmodel.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;
import reactor.core.publisher.Mono;

/**
 * The region's matching candidates, kept between rounds on this instance and brought up to date by reading only
 * the rows written since (issue 10, ADR 1160). A round used to read and decode the region's whole waiting list;
 * a round after one new referral now reads that referral's row.
 *
 * <p>The database stays the truth: each read returns the candidates exactly as {@link ReadModelRepository#clients}
 * would at the same moment (one per person, the earliest registration still waiting, ordered by referral id),
 * proved by {@code RegionCandidatesIT}. A region is read in full when this instance holds nothing for it (first
 * use, a restart) and once every {@code fullReadEvery} as a safety net. Between full reads the delta read is
 * exact, also with two instances taking turns at a region's rounds: what the other instance's rounds saw does not
 * matter, only which rows were written since this instance's own last read: those whose writing transaction (the
 * V12 trigger stamps it on every write) the last read's snapshot did not see, whatever order they commit in
 * ({@link ReadModelRepository#changedRows}).
 *
 * <p>Holds what the read model holds of a waiting client (pseudonymous: postcode area, age band), nothing more;
 * a national list (100,000+ clients) is some tens of MB on the instance that runs the rounds.
 */
public class RegionCandidates {

    /** The order of {@code distinct on (client_pseudonym)} in the full read: earliest date (nulls last), then id. */
    private static final Comparator<WaitingClient> REPRESENTS_THE_PERSON = Comparator
            .comparing(WaitingClient::registeredOn, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(WaitingClient::referralId);

    private final ReadModelRepository readModel;
    private final Duration fullReadEvery;
    private final LongSupplier nanoTime;
    private final MeterRegistry meters;
    private final Map<String, Held> regions = new ConcurrentHashMap<>();

    public RegionCandidates(ReadModelRepository readModel, Duration fullReadEvery, LongSupplier nanoTime,
            MeterRegistry meters) {
        this.readModel = readModel;
        this.fullReadEvery = fullReadEvery;
        this.nanoTime = nanoTime;
        this.meters = meters;
    }

    /**
     * What the region holds for this instance: every candidate row by referral id, the snapshot of the last read, when the last full read was, and the candidates derived (computed once per
     * change). Immutable: a read makes a new one.
     */
    private record Held(Map<String, WaitingClient> rows, String snapshot, long fullReadAt,
            List<WaitingClient> candidates) {
    }

    /** The region's candidates now, as {@link ReadModelRepository#clients} lists them. */
    public Mono<List<WaitingClient>> candidates(String region) {
        return Mono.defer(() -> {
            Held held = regions.get(region);
            boolean full = held == null || nanoTime.getAsLong() - held.fullReadAt() >= fullReadEvery.toNanos();
            Mono<ReadModelRepository.ClientRows> rows = full ? readModel.candidateRows(region)
                    : readModel.changedRows(region, held.snapshot());
            return rows.map(read -> {
                count(region, full ? "full" : "delta", read.rows().size());
                Held next = full ? apply(Map.of(), read, nanoTime.getAsLong())
                        : read.rows().isEmpty() ? new Held(held.rows(), read.snapshot(), held.fullReadAt(), held.candidates())
                        : apply(held.rows(), read, held.fullReadAt());
                // a transaction that wrote before reading sees its own writes, which may yet roll back: its read
                // answers it, but is not kept (no round writes before it reads; this keeps it so)
                if (!read.readerHasWritten()) {
                    regions.put(region, next);
                }
                return next.candidates();
            });
        });
    }

    /** Forgets what this instance holds, so every region is read in full next time. */
    public void forget() {
        regions.clear();
    }

    private void count(String region, String read, int rows) {
        meters.counter("transfertafel.matching.candidate-rows-read", "region", region, "read", read).increment(rows);
    }

    private static Held apply(Map<String, WaitingClient> before, ReadModelRepository.ClientRows read, long fullReadAt) {
        Map<String, WaitingClient> rows = new HashMap<>(before);
        for (ReadModelRepository.ClientRow row : read.rows()) {
            if (row.candidate()) {
                rows.put(row.referralId(), row.client());
            } else {
                rows.remove(row.referralId());
            }
        }
        return new Held(rows, read.snapshot(), fullReadAt, onePerPerson(rows.values()));
    }

    /** One candidate per person (item 14), ordered by referral id: the full read's {@code distinct on}, in Java. */
    static List<WaitingClient> onePerPerson(Collection<WaitingClient> rows) {
        Map<String, WaitingClient> byPerson = new HashMap<>();
        for (WaitingClient client : rows) {
            byPerson.merge(client.clientPseudonym(), client,
                    (held, other) -> REPRESENTS_THE_PERSON.compare(other, held) < 0 ? other : held);
        }
        List<WaitingClient> candidates = new ArrayList<>(byPerson.values());
        candidates.sort(Comparator.comparing(WaitingClient::referralId));
        return List.copyOf(candidates);
    }
}
