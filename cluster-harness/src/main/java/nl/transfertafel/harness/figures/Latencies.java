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
     * time on each engine proposal ({@code capacity_event_at}), for proposals whose client was already in
     * the read model when the capacity came (so the capacity, not a later referral, caused the proposal),
     * with the capacity event inside the window.
     */
    public static Histogram capacityToProposalMillis(Databases databases, Instant from, Instant to) throws SQLException {
        Histogram histogram = new Histogram(3_600_000L, 3);
        try (Connection table = databases.connect(Databases.TRANSFER_TABLE);
                PreparedStatement q = table.prepareStatement("""
                        select extract(epoch from (p.created_at - p.capacity_event_at)) * 1000
                        from proposal p join waiting_client w on w.referral_id = p.referral_id
                        where p.origin = 'ENGINE' and p.capacity_event_at is not null
                          and p.created_at >= p.capacity_event_at
                          and p.capacity_event_at >= ? and p.capacity_event_at < ?
                          and w.recorded_at < p.capacity_event_at""")) {
            q.setTimestamp(1, Timestamp.from(from));
            q.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    histogram.recordValue(Math.max(0, Math.min(3_600_000L, Math.round(rs.getDouble(1)))));
                }
            }
        }
        return histogram;
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
}
