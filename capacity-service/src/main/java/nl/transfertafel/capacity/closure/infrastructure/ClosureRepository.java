package nl.transfertafel.capacity.closure.infrastructure;

import static nl.transfertafel.capacity.common.infrastructure.Sql.bind;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.transfertafel.capacity.closure.domain.ProviderClosure;
import nl.transfertafel.capacity.common.infrastructure.Lists;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The provider_closure table. */
public class ClosureRepository {

    private final DatabaseClient db;

    public ClosureRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(ProviderClosure c) {
        var spec = db.sql("""
                        insert into provider_closure (id, provider_agb, region, location_id, diagnosis_groups, end_date,
                            handover_contact, announced_by, announced_at, withdrawn_lines)
                        values (:id, :agb, :region, :location, :groups, :end, :contact, :by, :at, :lines)""")
                .bind("id", c.id())
                .bind("agb", c.providerAgb())
                .bind("region", c.region())
                .bind("groups", Lists.join(c.diagnosisGroups()))
                .bind("end", c.endDate())
                .bind("contact", c.handoverContact())
                .bind("at", c.announcedAt())
                .bind("lines", c.withdrawnLines().stream().map(UUID::toString).collect(Collectors.joining(",")));
        spec = bind(spec, "location", c.locationId(), UUID.class);
        spec = bind(spec, "by", c.announcedBy(), String.class);
        return spec.then();
    }

    public Flux<ProviderClosure> findByProvider(String providerAgb) {
        return db.sql("select * from provider_closure where provider_agb = :agb order by announced_at, id")
                .bind("agb", providerAgb)
                .map(ClosureRepository::closure).all();
    }

    static ProviderClosure closure(Readable row) {
        String lines = row.get("withdrawn_lines", String.class);
        List<UUID> withdrawn = lines == null || lines.isBlank() ? List.of()
                : Arrays.stream(lines.split(",")).map(UUID::fromString).toList();
        return new ProviderClosure(row.get("id", UUID.class), row.get("provider_agb", String.class),
                row.get("region", String.class), row.get("location_id", UUID.class),
                Lists.split(row.get("diagnosis_groups", String.class), DiagnosisGroup::valueOf),
                row.get("end_date", LocalDate.class), row.get("handover_contact", String.class),
                row.get("announced_by", String.class), row.get("announced_at", Instant.class), withdrawn);
    }
}
