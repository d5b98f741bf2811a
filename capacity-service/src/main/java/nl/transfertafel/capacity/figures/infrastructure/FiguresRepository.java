package nl.transfertafel.capacity.figures.infrastructure;

import static nl.transfertafel.capacity.common.infrastructure.Sql.bind;

import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** Aggregates for the transparency figures and gauges, per region (all regions when region is null). */
public class FiguresRepository {

    public record RestrictionRow(String region, String kind, String diagnosisGroup, long count) {
    }

    public record LineRow(String region, String state, long lines, long places) {
    }

    public record GroupRow(String region, String diagnosisGroup, long lines, long places) {
    }

    private final DatabaseClient db;

    public FiguresRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<RestrictionRow> restrictionsInForce(String region, LocalDate on) {
        var spec = db.sql("""
                with presence as (
                    select agb, region from provider
                    union select provider_agb, region from provider_location)
                select pr.region, r.kind, coalesce(r.diagnosis_group, 'ALL') as grp, count(*) as n
                from registration_restriction r join presence pr on pr.agb = r.provider_agb
                where r.active and r.valid_from <= :on and (r.valid_until is null or r.valid_until >= :on)
                  and (cast(:region as text) is null or pr.region = :region)
                group by pr.region, r.kind, grp
                order by pr.region, grp, r.kind""").bind("on", on);
        return bind(spec, "region", region, String.class)
                .map(row -> new RestrictionRow(row.get("region", String.class), row.get("kind", String.class),
                        row.get("grp", String.class), row.get("n", Long.class)))
                .all();
    }

    public Flux<LineRow> liveLines(String region) {
        var spec = db.sql("""
                select region, state, count(*) as lines, coalesce(sum(places_left), 0) as places from capacity_line
                where state in ('OPEN', 'FULL', 'STALE') and (cast(:region as text) is null or region = :region)
                group by region, state order by region, state""");
        return bind(spec, "region", region, String.class)
                .map(row -> new LineRow(row.get("region", String.class), row.get("state", String.class),
                        row.get("lines", Long.class), ((Number) row.get("places")).longValue()))
                .all();
    }

    public Flux<GroupRow> openByGroup(String region) {
        var spec = db.sql("""
                select region, g as grp, count(*) as lines, coalesce(sum(places_left), 0) as places
                from capacity_line, unnest(string_to_array(diagnosis_groups, ',')) as g
                where state = 'OPEN' and (cast(:region as text) is null or region = :region)
                group by region, g order by region, g""");
        return bind(spec, "region", region, String.class)
                .map(row -> new GroupRow(row.get("region", String.class), row.get("grp", String.class),
                        row.get("lines", Long.class), ((Number) row.get("places")).longValue()))
                .all();
    }
}
