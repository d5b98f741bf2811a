package nl.transfertafel.capacity.registry.infrastructure;

import static nl.transfertafel.capacity.common.infrastructure.Sql.bind;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.transfertafel.capacity.common.infrastructure.Lists;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registry's tables: provider, provider_location, provider_offering. */
public class ProviderRepository {

    private static final String COLUMNS = "agb, name, provider_type, region, representative_agb, active, version";
    // The statements, named once: the repository runs them and HotQueriesUseIndexesIT explains these very texts.
    public static final String FIND = "select " + COLUMNS + " from provider where agb = :agb";
    public static final String LOCK = FIND + " for update";
    public static final String LOCATIONS_OF = "select * from provider_location where provider_agb = any(:agbs)"
            + " order by provider_agb, position";
    public static final String OFFERINGS_OF = "select * from provider_offering where provider_agb = any(:agbs)"
            + " order by provider_agb, position";

    private final DatabaseClient db;
    private final Clock clock;

    public ProviderRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Provider> find(String agb) {
        return db.sql(FIND).bind("agb", agb)
                .map(ProviderRepository::head).one()
                .flatMap(this::withChildren);
    }

    /** Reads and locks the provider row until the transaction ends (for changes). */
    public Mono<Provider> lock(String agb) {
        return db.sql(LOCK).bind("agb", agb)
                .map(ProviderRepository::head).one()
                .flatMap(this::withChildren);
    }

    /** Providers working in a region (home region or a location there), optionally only those a representative acts for. */
    public Flux<Provider> list(String region, String representativeAgb) {
        var spec = db.sql("select " + COLUMNS + " from provider p where (cast(:region as text) is null or p.region = :region"
                + " or exists (select 1 from provider_location l where l.provider_agb = p.agb and l.region = :region))"
                + " and (cast(:rep as text) is null or p.representative_agb = :rep) order by p.agb");
        spec = bind(spec, "region", region, String.class);
        spec = bind(spec, "rep", representativeAgb, String.class);
        return spec.map(ProviderRepository::head).all().collectList().flatMapMany(this::withChildren);
    }

    public Mono<Void> insert(Provider provider) {
        var spec = db.sql("""
                        insert into provider (agb, name, provider_type, region, representative_agb, active, version, updated_at)
                        values (:agb, :name, :type, :region, :rep, :active, :version, :at)""")
                .bind("agb", provider.agb())
                .bind("name", provider.name())
                .bind("type", provider.type().name())
                .bind("region", provider.region())
                .bind("active", provider.active())
                .bind("version", provider.version())
                .bind("at", clock.instant());
        return bind(spec, "rep", provider.representativeAgb(), String.class).then()
                .then(insertChildren(provider));
    }

    /** Writes a changed provider; emits false when its version moved meanwhile (the caller answers 409). */
    public Mono<Boolean> update(Provider provider, long expectedVersion) {
        var spec = db.sql("""
                        update provider set name = :name, provider_type = :type, region = :region, representative_agb = :rep,
                            active = :active, version = :version, updated_at = :at
                        where agb = :agb and version = :expected""")
                .bind("agb", provider.agb())
                .bind("name", provider.name())
                .bind("type", provider.type().name())
                .bind("region", provider.region())
                .bind("active", provider.active())
                .bind("version", provider.version())
                .bind("expected", expectedVersion)
                .bind("at", clock.instant());
        return bind(spec, "rep", provider.representativeAgb(), String.class).fetch().rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.just(false)
                        : db.sql("delete from provider_location where provider_agb = :agb").bind("agb", provider.agb()).then()
                                .then(db.sql("delete from provider_offering where provider_agb = :agb")
                                        .bind("agb", provider.agb()).then())
                                .then(insertChildren(provider))
                                .thenReturn(true));
    }

    private Mono<Void> insertChildren(Provider provider) {
        List<Mono<Void>> inserts = new ArrayList<>();
        for (int i = 0; i < provider.locations().size(); i++) {
            Provider.Location location = provider.locations().get(i);
            var spec = db.sql("""
                            insert into provider_location (id, provider_agb, position, postcode, city, region)
                            values (:id, :agb, :position, :postcode, :city, :region)""")
                    .bind("id", location.id())
                    .bind("agb", provider.agb())
                    .bind("position", i)
                    .bind("postcode", location.postcode())
                    .bind("region", location.region());
            inserts.add(bind(spec, "city", location.city(), String.class).then());
        }
        for (int i = 0; i < provider.offerings().size(); i++) {
            Provider.Offering offering = provider.offerings().get(i);
            inserts.add(db.sql("""
                            insert into provider_offering (id, provider_agb, position, diagnosis_groups, care_level, min_age,
                                max_age, exclusions)
                            values (:id, :agb, :position, :groups, :careLevel, :minAge, :maxAge, :exclusions)""")
                    .bind("id", offering.id())
                    .bind("agb", provider.agb())
                    .bind("position", i)
                    .bind("groups", Lists.join(offering.diagnosisGroups()))
                    .bind("careLevel", offering.careLevel().name())
                    .bind("minAge", offering.minAge())
                    .bind("maxAge", offering.maxAge())
                    .bind("exclusions", Lists.join(offering.exclusions()))
                    .then());
        }
        return Flux.concat(inserts).then();
    }

    private Mono<Provider> withChildren(Head head) {
        return withChildren(List.of(head)).next();
    }

    private Flux<Provider> withChildren(List<Head> heads) {
        if (heads.isEmpty()) {
            return Flux.empty();
        }
        String[] agbs = heads.stream().map(Head::agb).toArray(String[]::new);
        Mono<Map<String, List<Provider.Location>>> locations = db.sql(LOCATIONS_OF)
                .bind("agbs", agbs)
                .map(row -> Map.entry(row.get("provider_agb", String.class), new Provider.Location(
                        row.get("id", UUID.class), row.get("postcode", String.class), row.get("city", String.class),
                        row.get("region", String.class))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Mono<Map<String, List<Provider.Offering>>> offerings = db.sql(OFFERINGS_OF)
                .bind("agbs", agbs)
                .map(row -> Map.entry(row.get("provider_agb", String.class), new Provider.Offering(
                        row.get("id", UUID.class),
                        Lists.split(row.get("diagnosis_groups", String.class), DiagnosisGroup::valueOf),
                        CareLevel.valueOf(row.get("care_level", String.class)),
                        row.get("min_age", Integer.class), row.get("max_age", Integer.class),
                        Lists.split(row.get("exclusions", String.class), ExclusionCriterion::valueOf))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        // one connection in a transaction: read the children one query after the other
        return locations.zipWhen(found -> offerings).flatMapMany(children -> Flux.fromIterable(heads).map(head -> new Provider(
                head.agb(), head.name(), head.type(), head.region(), head.representativeAgb(), head.active(),
                children.getT1().getOrDefault(head.agb(), List.of()), children.getT2().getOrDefault(head.agb(), List.of()),
                head.version())));
    }

    private static Head head(Readable row) {
        return new Head(row.get("agb", String.class), row.get("name", String.class),
                ProviderType.valueOf(row.get("provider_type", String.class)), row.get("region", String.class),
                row.get("representative_agb", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("version", Long.class));
    }

    private record Head(String agb, String name, ProviderType type, String region, String representativeAgb,
            boolean active, long version) {
    }
}
