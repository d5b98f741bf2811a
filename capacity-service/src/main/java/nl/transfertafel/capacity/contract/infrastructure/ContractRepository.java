package nl.transfertafel.capacity.contract.infrastructure;

import static nl.transfertafel.capacity.common.infrastructure.Sql.bind;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import nl.transfertafel.capacity.contract.domain.Contract;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The insurer_contract table, keyed by insurer and provider. */
public class ContractRepository {

    private final DatabaseClient db;
    private final Clock clock;

    public ContractRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Contract> lock(String insurerUzovi, String providerAgb) {
        return db.sql("""
                        select c.*, p.region from insurer_contract c join provider p on p.agb = c.provider_agb
                        where c.insurer_uzovi = :insurer and c.provider_agb = :provider for update of c""")
                .bind("insurer", insurerUzovi).bind("provider", providerAgb)
                .map(ContractRepository::contract).one();
    }

    public Flux<Contract> find(String insurerUzovi, String providerAgb) {
        var spec = db.sql("""
                select c.*, p.region from insurer_contract c join provider p on p.agb = c.provider_agb
                where (cast(:insurer as text) is null or c.insurer_uzovi = :insurer)
                  and (cast(:provider as text) is null or c.provider_agb = :provider)
                order by c.insurer_uzovi, c.provider_agb""");
        spec = bind(spec, "insurer", insurerUzovi, String.class);
        spec = bind(spec, "provider", providerAgb, String.class);
        return spec.map(ContractRepository::contract).all();
    }

    /**
     * Inserts or updates; the update only applies on the version the change was decided on (and an
     * insert only when no row exists), so emits false when someone else changed it first.
     */
    public Mono<Boolean> save(Contract contract, long expectedVersion) {
        String sql = expectedVersion == 0 ? """
                insert into insurer_contract (insurer_uzovi, provider_agb, contracted, ceiling_euro, used_euro,
                    ceiling_reached, reached_flag, version, updated_at)
                values (:insurer, :provider, :contracted, :ceiling, :used, :reached, :flag, :version, :at)
                on conflict do nothing""" : """
                update insurer_contract set contracted = :contracted, ceiling_euro = :ceiling, used_euro = :used,
                    ceiling_reached = :reached, reached_flag = :flag, version = :version, updated_at = :at
                where insurer_uzovi = :insurer and provider_agb = :provider and version = :expected""";
        var spec = db.sql(sql)
                .bind("insurer", contract.insurerUzovi())
                .bind("provider", contract.providerAgb())
                .bind("contracted", contract.contracted())
                .bind("reached", contract.ceilingReached())
                .bind("flag", contract.reachedFlag())
                .bind("version", contract.version())
                .bind("at", clock.instant());
        spec = bind(spec, "ceiling", contract.ceilingEuro(), Long.class);
        spec = bind(spec, "used", contract.usedEuro(), Long.class);
        if (expectedVersion != 0) {
            spec = spec.bind("expected", expectedVersion);
        }
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    static Contract contract(Readable row) {
        return new Contract(row.get("insurer_uzovi", String.class), row.get("provider_agb", String.class),
                row.get("region", String.class), Boolean.TRUE.equals(row.get("contracted", Boolean.class)),
                row.get("ceiling_euro", Long.class), row.get("used_euro", Long.class),
                Boolean.TRUE.equals(row.get("reached_flag", Boolean.class)), row.get("version", Long.class));
    }
}
