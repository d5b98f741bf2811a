package nl.transfertafel.capacity.announcement.infrastructure;

import java.time.Clock;
import java.util.stream.Collectors;
import nl.transfertafel.capacity.announcement.domain.CapacityAnnouncement;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class CapacityLineRepository {

    private final DatabaseClient db;
    private final Clock clock;

    public CapacityLineRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Void> insert(CapacityAnnouncement line) {
        var spec = db.sql("""
                        insert into capacity_line (id, provider_agb, provider_type, region, location_postcode_area,
                            diagnosis_groups, care_level, places, available_from, available_until, announced_at)
                        values (:id, :provider, :type, :region, :area, :groups, :careLevel, :places, :from, :until, :at)""")
                .bind("id", line.id())
                .bind("provider", line.providerAgb())
                .bind("type", line.providerType().name())
                .bind("region", line.region())
                .bind("area", line.locationPostcodeArea())
                .bind("groups", line.diagnosisGroups().stream().map(Enum::name).collect(Collectors.joining(",")))
                .bind("careLevel", line.careLevel().name())
                .bind("places", line.places())
                .bind("from", line.availableFrom())
                .bind("at", clock.instant());
        spec = line.availableUntil() == null ? spec.bindNull("until", java.time.LocalDate.class)
                : spec.bind("until", line.availableUntil());
        return spec.then();
    }
}
