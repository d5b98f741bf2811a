package nl.transfertafel.transfertable.figures.infrastructure;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Read-only figures of a region's transfer table (aggregates only, no personal data). */
public class FiguresRepository {

    private final DatabaseClient db;

    public FiguresRepository(DatabaseClient db) {
        this.db = db;
    }

    public record Figures(String region, Instant since, Map<String, Long> proposalsByOrigin, long approvals,
            long rejections, long offers, Map<String, Long> acceptancesByParty, long completedTransfers,
            Map<String, Long> declinesByReason, Map<String, Long> endedByOutcome,
            Map<String, Map<String, Long>> blockedPerInsurer, long escalationsOpen, long escalationsResolved,
            Double medianSecondsCapacityToProposal) {
    }

    public Mono<Figures> figures(String region, Instant since) {
        return Mono.zip(objects -> objects, countBy("""
                                select origin as k, count(*) as n from proposal
                                where region = :region and created_at >= :since group by origin""", region, since),
                        single("""
                                select count(*) as n from proposal_approval a join proposal p using (proposal_id)
                                where p.region = :region and a.approved_at >= :since""", region, since),
                        single("""
                                select count(*) as n from proposal
                                where region = :region and state = 'REJECTED' and updated_at >= :since""", region, since),
                        single("""
                                select count(*) as n from proposal
                                where region = :region and reservation_id is not null and created_at >= :since""",
                                region, since),
                        countBy("""
                                select party as k, count(*) as n from offer_answer
                                where region = :region and accepted and answered_at >= :since group by party""",
                                region, since),
                        single("""
                                select count(*) as n from proposal
                                where region = :region and state = 'COMPLETED' and updated_at >= :since""", region, since),
                        countBy("""
                                select decline_reason as k, count(*) as n from offer_answer
                                where region = :region and not accepted and answered_at >= :since group by decline_reason""",
                                region, since),
                        countBy("""
                                select end_outcome as k, count(*) as n from proposal
                                where region = :region and end_outcome is not null and updated_at >= :since
                                group by end_outcome""", region, since),
                        blocked(region, since),
                        single("select count(*) as n from escalation where region = :region and state = 'OPEN'"
                                + " and opened_at >= :since", region, since),
                        single("select count(*) as n from escalation where region = :region and state = 'RESOLVED'"
                                + " and resolved_at >= :since", region, since),
                        median(region, since))
                .map(o -> new Figures(region, since, map(o[0]), (Long) o[1], (Long) o[2], (Long) o[3], map(o[4]),
                        (Long) o[5], map(o[6]), map(o[7]), blockedMap(o[8]), (Long) o[9], (Long) o[10],
                        ((Double) o[11]).isNaN() ? null : (Double) o[11]));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> map(Object o) {
        return (Map<String, Long>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Long>> blockedMap(Object o) {
        return (Map<String, Map<String, Long>>) o;
    }

    private Mono<Map<String, Long>> countBy(String sql, String region, Instant since) {
        return db.sql(sql).bind("region", region).bind("since", since)
                .map(row -> Map.entry(String.valueOf(row.get("k", String.class)), row.get("n", Long.class)))
                .all()
                .collect(LinkedHashMap<String, Long>::new, (m, e) -> m.put(e.getKey(), e.getValue()))
                .map(m -> (Map<String, Long>) m);
    }

    private Mono<Long> single(String sql, String region, Instant since) {
        return db.sql(sql).bind("region", region).bind("since", since)
                .map(row -> row.get("n", Long.class)).one().defaultIfEmpty(0L);
    }

    private Mono<Map<String, Map<String, Long>>> blocked(String region, Instant since) {
        return db.sql("""
                        select insurer_uzovi, reason, count(*) as n from transfer_block
                        where region = :region and first_blocked_at >= :since group by insurer_uzovi, reason
                        order by insurer_uzovi, reason""")
                .bind("region", region).bind("since", since)
                .map(row -> new Object[] {row.get("insurer_uzovi", String.class), row.get("reason", String.class),
                        row.get("n", Long.class)})
                .all()
                .collect(LinkedHashMap<String, Map<String, Long>>::new, (m, r) -> m
                        .computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put((String) r[1], (Long) r[2]))
                .map(m -> (Map<String, Map<String, Long>>) m);
    }

    private Mono<Double> median(String region, Instant since) {
        return db.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from created_at - capacity_event_at))
                            as median from proposal
                        where region = :region and origin = 'ENGINE' and capacity_event_at is not null
                            and created_at >= capacity_event_at and created_at >= :since""")
                .bind("region", region).bind("since", since)
                .map(row -> {
                    Number n = row.get("median", Number.class);
                    return n == null ? Double.NaN : n.doubleValue();
                })
                .one()
                .defaultIfEmpty(Double.NaN);
    }
}
