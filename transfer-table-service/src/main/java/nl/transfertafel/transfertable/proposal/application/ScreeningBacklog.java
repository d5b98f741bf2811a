package nl.transfertafel.transfertable.proposal.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import reactor.core.publisher.Mono;

/**
 * The gauge {@code transfertafel.screening.backlog}, tagged {@code region}: proposals waiting for a
 * screening decision (first or second approval, or a pending rejection's confirmation). A gauge is
 * read on the metrics thread and must not query, so {@link #refresh()} counts per region on the
 * jobs' schedule and the gauges read the last count; a region whose backlog emptied reads 0.
 */
public class ScreeningBacklog {

    public static final String METER = "transfertafel.screening.backlog";

    private final ProposalRepository proposals;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> byRegion = new ConcurrentHashMap<>();

    public ScreeningBacklog(ProposalRepository proposals, MeterRegistry meters) {
        this.proposals = proposals;
        this.meters = meters;
    }

    /** Counts again; emits the number of regions with a backlog. */
    public Mono<Integer> refresh() {
        return proposals.awaitingScreeningPerRegion().map(counts -> {
            byRegion.forEach((region, value) -> value.set(counts.getOrDefault(region, 0L)));
            counts.forEach((region, n) -> gauge(region).set(n));
            return (int) counts.values().stream().filter(n -> n > 0).count();
        });
    }

    private AtomicLong gauge(String region) {
        return byRegion.computeIfAbsent(region, r -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(METER, value, AtomicLong::get)
                    .description("proposals waiting for a screening decision")
                    .tag("region", r)
                    .register(meters);
            return value;
        });
    }
}
