package nl.transfertafel.harness.figures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.harness.invariants.Databases;
import org.HdrHistogram.Histogram;

/**
 * The two end-to-end latencies, read from the timestamps the services committed (one machine, one
 * clock), so the harness's own scheduling cannot flatter or spoil them.
 */
public final class Latencies {

    private Latencies() {
    }

    /**
     * Capacity committed → proposal committed: the transfer table's own record of the capacity event's
     * time on each engine proposal ({@code capacity_event_at}), for proposals the capacity caused: the client
     * was already in the read model when the capacity came (not a later referral), and no other proposal on
     * the line or of the client ended between the capacity event and this proposal (a place that a rejection,
     * lapse, decline, expiry or withdrawal gave back keeps the line's capacity time, and a client it freed was not
     * a candidate when the capacity came: the decision, not the capacity, caused that proposal; before this
     * condition such proposals put minutes of screening into p1's tail),
     * with the capacity event inside the window.
     */
    public static Histogram capacityToProposalMillis(Databases databases, Instant from, Instant to) throws SQLException {
        Histogram histogram = new Histogram(3_600_000L, 3);
        for (CausedProposal p : causedByCapacity(databases, from, to)) {
            record(histogram, Math.round((micros(p.createdAt()) - micros(p.eventAt())) / 1_000.0));
        }
        return histogram;
    }

    /** An engine proposal the capacity event caused (see {@link #capacityToProposalMillis}). */
    private record CausedProposal(String line, Timestamp eventAt, Timestamp createdAt) {
    }

    private static List<CausedProposal> causedByCapacity(Databases databases, Instant from, Instant to)
            throws SQLException {
        List<CausedProposal> proposals = new ArrayList<>();
        try (Connection table = databases.connect(Databases.TRANSFER_TABLE);
                PreparedStatement q = table.prepareStatement("""
                        select p.capacity_line_id, p.capacity_event_at, p.created_at
                        from proposal p join waiting_client w on w.referral_id = p.referral_id
                        where p.origin = 'ENGINE' and p.capacity_event_at is not null
                          and p.created_at >= p.capacity_event_at
                          and p.capacity_event_at >= ? and p.capacity_event_at < ?
                          and w.recorded_at < p.capacity_event_at
                          and not exists (select 1 from proposal q
                                          where (q.capacity_line_id = p.capacity_line_id or q.referral_id = p.referral_id)
                                            and q.proposal_id <> p.proposal_id
                                            and q.state in ('REJECTED', 'LAPSED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')
                                            and q.updated_at > p.capacity_event_at and q.updated_at <= p.created_at)""")) {
            q.setTimestamp(1, Timestamp.from(from));
            q.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    proposals.add(new CausedProposal(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3)));
                }
            }
        }
        return proposals;
    }

    /**
     * Referral committed in intake → the referral's row in the transfer table's read model, for the
     * given referrals (those answered 201 in the window of interest).
     */
    public static Histogram referralLagMillis(Databases databases, List<UUID> referralIds) throws SQLException {
        Histogram histogram = new Histogram(3_600_000L, 3);
        Map<String, Long> committed = new HashMap<>();
        try (Connection intake = databases.connect(Databases.INTAKE);
                Connection table = databases.connect(Databases.TRANSFER_TABLE)) {
            for (int from = 0; from < referralIds.size(); from += 1_000) {
                List<UUID> chunk = referralIds.subList(from, Math.min(referralIds.size(), from + 1_000));
                try (PreparedStatement q = intake.prepareStatement("select id, created_at from referral where id = any(?)")) {
                    q.setArray(1, intake.createArrayOf("uuid", chunk.toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            committed.put(rs.getString(1), rs.getTimestamp(2).getTime());
                        }
                    }
                }
                List<String> texts = new ArrayList<>(chunk.stream().map(UUID::toString).toList());
                try (PreparedStatement q = table.prepareStatement(
                        "select referral_id, recorded_at from waiting_client where referral_id = any(?)")) {
                    q.setArray(1, table.createArrayOf("text", texts.toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            Long at = committed.get(rs.getString(1));
                            if (at != null) {
                                histogram.recordValue(Math.max(0, Math.min(3_600_000L, rs.getTimestamp(2).getTime() - at)));
                            }
                        }
                    }
                }
            }
        }
        return histogram;
    }

    /** Where a p1 went: capacity's relay, Kafka to the table's consumer, and the consumer to the round's proposal. */
    public record P1Hops(Histogram relay, Histogram delivery, Histogram round) {
    }

    /**
     * The same proposals as {@link #capacityToProposalMillis}, each split at the capacity event's outbox row (its
     * {@code published_at} in capacity-service's database: the relay sent it) and at the transfer table's
     * {@code processed_event} row of that event (its {@code processed_at}: the consumer's transaction began). The
     * event is found by its aggregate (the capacity line) and occurrence time in capacity's outbox; a proposal whose
     * event is no longer there (purged) is left out. The three hops add up to the p1 of the proposal, give or take
     * the time between a transaction's start and its commit.
     */
    public static P1Hops capacityToProposalHops(Databases databases, Instant from, Instant to) throws SQLException {
        List<CausedProposal> proposals = causedByCapacity(databases, from, to);
        // the capacity events of those lines in the window: (line, occurred at) -> event id and when it was sent
        record Sent(String eventId, long occurredMicros, long publishedMillis) {
        }
        Map<String, List<Sent>> sentByLine = new HashMap<>();
        try (Connection capacity = databases.connect(Databases.CAPACITY);
                PreparedStatement q = capacity.prepareStatement("""
                        select event_id, envelope::jsonb ->> 'aggregateId' as line,
                               (envelope::jsonb ->> 'occurredAt')::timestamptz as occurred_at, published_at
                        from outbox where published_at is not null and created_at >= ? and created_at < ?""")) {
            q.setTimestamp(1, Timestamp.from(from.minusSeconds(5)));
            q.setTimestamp(2, Timestamp.from(to.plusSeconds(5)));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Timestamp occurred = rs.getTimestamp("occurred_at");
                    if (rs.getString("line") != null && occurred != null) {
                        sentByLine.computeIfAbsent(rs.getString("line"), l -> new ArrayList<>())
                                .add(new Sent(rs.getString("event_id"), micros(occurred),
                                        rs.getTimestamp("published_at").getTime()));
                    }
                }
            }
        }
        Map<String, Long> processed = new HashMap<>();
        try (Connection table = databases.connect(Databases.TRANSFER_TABLE);
                PreparedStatement q = table.prepareStatement(
                        "select event_id, min(processed_at) from processed_event where processed_at >= ? group by event_id")) {
            q.setTimestamp(1, Timestamp.from(from.minusSeconds(5)));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    processed.put(rs.getString(1), rs.getTimestamp(2).getTime());
                }
            }
        }
        P1Hops hops = new P1Hops(new Histogram(3_600_000L, 3), new Histogram(3_600_000L, 3), new Histogram(3_600_000L, 3));
        for (CausedProposal p : proposals) {
            long eventMicros = micros(p.eventAt());
            Sent sent = sentByLine.getOrDefault(p.line(), List.of()).stream()
                    .filter(s -> Math.abs(s.occurredMicros() - eventMicros) < 1_000)
                    .findFirst().orElse(null);
            Long consumed = sent == null ? null : processed.get(sent.eventId());
            if (consumed == null) {
                continue;
            }
            record(hops.relay(), sent.publishedMillis() - eventMicros / 1_000);
            record(hops.delivery(), consumed - sent.publishedMillis());
            record(hops.round(), p.createdAt().getTime() - consumed);
        }
        return hops;
    }

    private static long micros(Timestamp at) {
        return at.getTime() / 1_000 * 1_000_000 + at.getNanos() / 1_000;
    }

    private static void record(Histogram histogram, long millis) {
        histogram.recordValue(Math.max(0, Math.min(3_600_000L, millis)));
    }
}
