package nl.transfertafel.intake.figures.infrastructure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.intake.figures.domain.Figures;
import nl.transfertafel.intake.support.Sql;
import nl.transfertafel.intake.waitinglist.domain.Treeknorm;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Computes figures in the database (a region holds thousands of entries, the country 100,000):
 * unique clients by {@code count(distinct client_pseudonym)}, totals with grouping sets so a
 * client in two groups counts once in the total.
 */
public class FiguresRepository {

    private static final String WAITING = "stage in ('WAITING', 'INTAKE_DONE')";
    private static final String BEYOND_INTAKE = "stage = 'WAITING' and registered_on + :intakeDays < :today";
    private static final String BEYOND_TREATMENT = "(case when intake_on is not null "
            + "then intake_on + :intakeToTreatmentDays else registered_on + :treatmentDays end) < :today";

    /**
     * The regions that have entries, for the gauges' refresh every minute. {@code select distinct region
     * from waiting_entry} read the whole list each time (a Seq Scan of 50,000 rows on a national-size
     * list, issue 10); this walks the {@code waiting_entry_region} index instead, one probe per region
     * (a "loose index scan": each step asks for the first region after the one before), so it reads
     * about 31 index entries however long the list grows.
     */
    public static final String REGIONS_WITH_ENTRIES = """
            with recursive regions (region) as (
                (select region from waiting_entry order by region limit 1)
                union all
                select (select e.region from waiting_entry e where e.region > r.region order by e.region limit 1)
                from regions r where r.region is not null)
            select region from regions where region is not null order by region""";

    private record CountRow(DiagnosisGroup group, long unique, long entries, long beyondIntake, long beyondTreatment,
            long unplaced, long stale) {
    }

    private record StatusRow(DiagnosisGroup group, WaitingStatus status, long unique) {
    }

    private record MonthRow(String month, DiagnosisGroup group, long count) {
    }

    private final DatabaseClient db;

    public FiguresRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<String> regionsWithEntries() {
        return db.sql(REGIONS_WITH_ENTRIES)
                .map(row -> row.get("region", String.class)).all();
    }

    public Mono<Figures> figures(Figures.Scope scope, LocalDate today, int monthsBack) {
        return counts(scope, today).flatMap(counts -> months(scope, today, monthsBack).map(months -> {
            Figures.Counts total = counts.stream().filter(c -> c.diagnosisGroup() == null).findFirst()
                    .orElse(new Figures.Counts(null, 0, 0, 0, 0, 0, 0, Map.of()));
            List<Figures.Counts> groups = counts.stream().filter(c -> c.diagnosisGroup() != null).toList();
            return new Figures(scope instanceof Figures.Scope.Region region ? region.code() : null,
                    scope instanceof Figures.Scope.Provider provider ? provider.agb() : null,
                    today, total, groups, months, List.of());
        }));
    }

    /** Per diagnosis group, and the total (group null), each with its counts by waiting status. */
    public Mono<List<Figures.Counts>> counts(Figures.Scope scope, LocalDate today) {
        Mono<List<CountRow>> base = db.sql("select diagnosis_group, count(distinct client_pseudonym) as unique_waiting, "
                        + "count(*) as entries, "
                        + "count(distinct client_pseudonym) filter (where " + BEYOND_INTAKE + ") as beyond_intake, "
                        + "count(distinct client_pseudonym) filter (where " + BEYOND_TREATMENT + ") as beyond_treatment, "
                        + "count(distinct client_pseudonym) filter (where placement <> 'PLACED') as unplaced, "
                        + "count(distinct client_pseudonym) filter (where stale) as stale "
                        + "from waiting_entry where " + scopeClause(scope) + " and " + WAITING
                        + " group by grouping sets ((diagnosis_group), ())")
                .bind("scope", scopeValue(scope))
                .bind("today", today)
                .bind("intakeDays", Treeknorm.WEEKS_TO_INTAKE * 7)
                .bind("intakeToTreatmentDays", Treeknorm.WEEKS_INTAKE_TO_TREATMENT * 7)
                .bind("treatmentDays", Treeknorm.WEEKS_TO_TREATMENT * 7)
                .map(row -> new CountRow(Sql.enumOf(row, "diagnosis_group", DiagnosisGroup.class),
                        row.get("unique_waiting", Long.class), row.get("entries", Long.class),
                        row.get("beyond_intake", Long.class), row.get("beyond_treatment", Long.class),
                        row.get("unplaced", Long.class), row.get("stale", Long.class)))
                .all().collectList();
        Mono<List<StatusRow>> statuses = db.sql("select diagnosis_group, waiting_status, "
                        + "count(distinct client_pseudonym) as unique_waiting from waiting_entry where "
                        + scopeClause(scope) + " and " + WAITING
                        + " group by grouping sets ((diagnosis_group, waiting_status), (waiting_status))")
                .bind("scope", scopeValue(scope))
                .map(row -> new StatusRow(Sql.enumOf(row, "diagnosis_group", DiagnosisGroup.class),
                        Sql.enumOf(row, "waiting_status", WaitingStatus.class), row.get("unique_waiting", Long.class)))
                .all().collectList();
        return base.flatMap(rows -> statuses.map(statusRows -> {
            Map<DiagnosisGroup, Map<WaitingStatus, Long>> byStatus = new HashMap<>();
            Map<WaitingStatus, Long> totalByStatus = new EnumMap<>(WaitingStatus.class);
            for (StatusRow row : statusRows) {
                (row.group() == null ? totalByStatus
                        : byStatus.computeIfAbsent(row.group(), g -> new EnumMap<>(WaitingStatus.class)))
                        .put(row.status(), row.unique());
            }
            List<Figures.Counts> counts = new ArrayList<>();
            for (CountRow row : rows) {
                counts.add(new Figures.Counts(row.group(), row.unique(), row.entries(), row.beyondIntake(),
                        row.beyondTreatment(), row.unplaced(), row.stale(),
                        row.group() == null ? totalByStatus : byStatus.getOrDefault(row.group(), Map.of())));
            }
            counts.sort(Comparator.comparing(c -> c.diagnosisGroup() == null ? -1 : c.diagnosisGroup().ordinal()));
            return counts;
        }));
    }

    private Mono<List<Figures.Month>> months(Figures.Scope scope, LocalDate today, int monthsBack) {
        LocalDate from = YearMonth.from(today).minusMonths(monthsBack - 1L).atDay(1);
        return monthly(scope, "intake_on", from).flatMap(intakes -> monthly(scope, "treatment_started_on", from)
                .map(starts -> {
                    Map<String, long[]> byKey = new TreeMap<>();
                    intakes.forEach(row -> byKey.computeIfAbsent(row.month() + "|" + row.group(), k -> new long[2])[0] = row.count());
                    starts.forEach(row -> byKey.computeIfAbsent(row.month() + "|" + row.group(), k -> new long[2])[1] = row.count());
                    List<Figures.Month> months = new ArrayList<>();
                    byKey.forEach((key, n) -> {
                        String[] parts = key.split("\\|");
                        months.add(new Figures.Month(YearMonth.parse(parts[0]), DiagnosisGroup.valueOf(parts[1]), n[0], n[1]));
                    });
                    return months;
                }));
    }

    private Mono<List<MonthRow>> monthly(Figures.Scope scope, String dateColumn, LocalDate from) {
        // dateColumn is one of two constants above, never input
        return db.sql("select to_char(" + dateColumn + ", 'YYYY-MM') as month, diagnosis_group, count(*) as n "
                        + "from waiting_entry where " + scopeClause(scope) + " and " + dateColumn + " >= :from group by 1, 2")
                .bind("scope", scopeValue(scope))
                .bind("from", from)
                .map(row -> new MonthRow(row.get("month", String.class),
                        Sql.enumOf(row, "diagnosis_group", DiagnosisGroup.class), row.get("n", Long.class)))
                .all().collectList();
    }

    private static String scopeClause(Figures.Scope scope) {
        return scope instanceof Figures.Scope.Region ? "region = :scope" : "provider_agb = :scope";
    }

    private static String scopeValue(Figures.Scope scope) {
        return scope instanceof Figures.Scope.Region region ? region.code() : ((Figures.Scope.Provider) scope).agb();
    }
}
