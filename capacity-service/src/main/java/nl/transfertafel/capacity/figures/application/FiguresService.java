package nl.transfertafel.capacity.figures.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.transfertafel.capacity.common.application.Refusals;
import nl.transfertafel.capacity.common.domain.Codes;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.figures.infrastructure.FiguresRepository;
import reactor.core.publisher.Mono;

/**
 * Computes the transparency figures of a region and keeps the Prometheus gauges of all regions up
 * to date (refreshed by the housekeeping tick): stops and pauses in force per region, kind and
 * diagnosis group, and open capacity lines and places per region.
 */
public class FiguresService {

    private final FiguresRepository figures;
    private final Clock clock;
    private final MultiGauge restrictionGauge;
    private final MultiGauge openLinesGauge;
    private final MultiGauge openPlacesGauge;
    private final MultiGauge staleLinesGauge;

    public FiguresService(FiguresRepository figures, Clock clock, MeterRegistry meters) {
        this.figures = figures;
        this.clock = clock;
        this.restrictionGauge = MultiGauge.builder("transfertafel.registration.restrictions.in-force")
                .description("Registration stops and pauses in force, per region, kind and diagnosis group (ALL = every group)")
                .register(meters);
        this.openLinesGauge = MultiGauge.builder("transfertafel.capacity.open.lines")
                .description("Capacity lines open for matching, per region").register(meters);
        this.openPlacesGauge = MultiGauge.builder("transfertafel.capacity.open.places")
                .description("Places left on open capacity lines, per region").register(meters);
        this.staleLinesGauge = MultiGauge.builder("transfertafel.capacity.stale.lines")
                .description("Capacity lines out of matching because they were not confirmed, per region").register(meters);
    }

    public Mono<Figures> figures(String region) {
        var badRegion = Codes.region("region", region);
        if (badRegion.isPresent()) {
            return Mono.error(Refusals.refused(badRegion.get()));
        }
        LocalDate on = Today.of(clock);
        return figures.restrictionsInForce(region, on).collectList()
                .zipWhen(restrictions -> figures.liveLines(region).collectList())
                .zipWhen(both -> figures.openByGroup(region).collectList())
                .map(all -> {
                    Map<String, long[]> byGroup = new TreeMap<>();
                    all.getT1().getT1().forEach(row -> byGroup.computeIfAbsent(row.diagnosisGroup(), g -> new long[2])
                            [row.kind().equals("STOP") ? 0 : 1] += row.count());
                    List<Figures.RestrictionCount> restrictions = new ArrayList<>();
                    byGroup.forEach((group, counts) -> restrictions.add(
                            new Figures.RestrictionCount(group, counts[0], counts[1])));
                    long openLines = 0;
                    long openPlaces = 0;
                    long fullLines = 0;
                    long staleLines = 0;
                    for (FiguresRepository.LineRow row : all.getT1().getT2()) {
                        switch (row.state()) {
                            case "OPEN" -> {
                                openLines += row.lines();
                                openPlaces += row.places();
                            }
                            case "FULL" -> fullLines += row.lines();
                            default -> staleLines += row.lines();
                        }
                    }
                    List<Figures.GroupCapacity> groups = all.getT2().stream()
                            .map(row -> new Figures.GroupCapacity(row.diagnosisGroup(), row.lines(), row.places()))
                            .toList();
                    return new Figures(region, on, restrictions,
                            new Figures.Capacity(openLines, openPlaces, fullLines, staleLines, groups));
                });
    }

    /** Recomputes the gauges of every region. */
    public Mono<Void> refreshGauges() {
        LocalDate on = Today.of(clock);
        return figures.restrictionsInForce(null, on).collectList()
                .zipWhen(restrictions -> figures.liveLines(null).collectList())
                .doOnNext(all -> {
                    restrictionGauge.register(all.getT1().stream()
                            .map(row -> MultiGauge.Row.of(Tags.of("region", row.region(), "kind", row.kind(),
                                    "diagnosis_group", row.diagnosisGroup()), row.count()))
                            .toList(), true);
                    List<MultiGauge.Row<?>> lines = new ArrayList<>();
                    List<MultiGauge.Row<?>> places = new ArrayList<>();
                    List<MultiGauge.Row<?>> stale = new ArrayList<>();
                    for (FiguresRepository.LineRow row : all.getT2()) {
                        Tags tags = Tags.of("region", row.region());
                        if (row.state().equals("OPEN")) {
                            lines.add(MultiGauge.Row.of(tags, row.lines()));
                            places.add(MultiGauge.Row.of(tags, row.places()));
                        } else if (row.state().equals("STALE")) {
                            stale.add(MultiGauge.Row.of(tags, row.lines()));
                        }
                    }
                    openLinesGauge.register(lines, true);
                    openPlacesGauge.register(places, true);
                    staleLinesGauge.register(stale, true);
                })
                .then();
    }
}
