package nl.transfertafel.intake.figures.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.intake.figures.domain.Figures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;

/**
 * The transparency figures as Prometheus gauges, refreshed on a schedule (and by tests): per
 * region and diagnosis group ({@code ALL} for the region's total, in which a client waiting in two
 * groups counts once) the unique number waiting, the number beyond each norm and the number per
 * waiting status. Tags are codes only: no personal data.
 */
public class FiguresGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FiguresGauges.class);

    private final FiguresRepository figures;
    private final Clock clock;
    private final Duration interval;
    private final MultiGauge unique;
    private final MultiGauge beyondNorm;
    private final MultiGauge byStatus;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public FiguresGauges(FiguresRepository figures, MeterRegistry meters, Clock clock, Duration interval) {
        this.figures = figures;
        this.clock = clock;
        this.interval = interval;
        this.unique = MultiGauge.builder("transfertafel.waiting.unique")
                .description("clients waiting, each counted once").register(meters);
        this.beyondNorm = MultiGauge.builder("transfertafel.waiting.beyond.norm")
                .description("clients waiting beyond a Treeknorm deadline").register(meters);
        this.byStatus = MultiGauge.builder("transfertafel.waiting.by.status")
                .description("clients waiting per waiting status").register(meters);
    }

    /** Recomputes every region's figures and replaces the gauges' rows. */
    public Mono<Void> refresh() {
        LocalDate today = LocalDate.now(clock);
        return figures.regionsWithEntries()
                .concatMap(region -> figures.counts(new Figures.Scope.Region(region), today)
                        .map(counts -> new RegionCounts(region, counts)))
                .collectList()
                .doOnNext(this::publish)
                .then();
    }

    private record RegionCounts(String region, List<Figures.Counts> counts) {
    }

    private void publish(List<RegionCounts> regions) {
        List<MultiGauge.Row<?>> uniqueRows = new ArrayList<>();
        List<MultiGauge.Row<?>> beyondRows = new ArrayList<>();
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        for (RegionCounts region : regions) {
            for (Figures.Counts counts : region.counts()) {
                Tags tags = Tags.of("region", region.region(), "diagnosis_group",
                        counts.diagnosisGroup() == null ? "ALL" : counts.diagnosisGroup().name());
                uniqueRows.add(MultiGauge.Row.of(tags, counts.uniqueWaiting()));
                beyondRows.add(MultiGauge.Row.of(tags.and("norm", "INTAKE"), counts.beyondIntakeNorm()));
                beyondRows.add(MultiGauge.Row.of(tags.and("norm", "TREATMENT"), counts.beyondTreatmentNorm()));
                counts.byWaitingStatus().forEach((status, n) ->
                        statusRows.add(MultiGauge.Row.of(tags.and("waiting_status", status.name()), n)));
            }
        }
        unique.register(uniqueRows, true);
        beyondNorm.register(beyondRows, true);
        byStatus.register(statusRows, true);
    }

    private void tick() {
        try {
            refresh().block(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            log.warn("refreshing the figure gauges failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "figure-gauges");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
