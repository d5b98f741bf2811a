package nl.transfertafel.harness.invariants;

import static nl.transfertafel.harness.invariants.InvariantReport.Kind.DEAD_LETTERS_LEFT;
import static nl.transfertafel.harness.invariants.InvariantReport.Kind.DUPLICATED;
import static nl.transfertafel.harness.invariants.InvariantReport.Kind.LOST;
import static nl.transfertafel.harness.invariants.InvariantReport.Kind.OUTBOX_BACKLOG;
import static nl.transfertafel.harness.invariants.InvariantReport.Kind.OUT_OF_ORDER;
import static nl.transfertafel.harness.invariants.InvariantReport.Kind.OVERSOLD;
import static nl.transfertafel.harness.invariants.InvariantReport.Kind.UNAPPROVED_OFFERS;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.transfertafel.harness.invariants.Expectations.AcceptedReferral;
import nl.transfertafel.harness.invariants.TopicScan.Published;

/**
 * Reads the services' databases (JDBC) and topics at the end of a run and counts every broken promise
 * (issue 10, "invariant check"). Table names come from the services' Flyway migrations
 * ({@code db/platform}, {@code db/<service>}); nothing here goes through the services, so a service
 * that hides a loss behind its own API cannot hide it from this check.
 */
public final class InvariantChecker {

    /**
     * Proposal states a proposal only reaches through an offer, so after two approvals (ProposalLifecycle:
     * DECLINED and EXPIRED come from offers only). LAPSED is not one: a proposal lapses in screening
     * when its place goes; one that lapsed after approval is caught by its reservation id.
     */
    static final List<String> APPROVED_STATES = List.of("APPROVED", "OFFERED", "ACCEPTED_BY_PROVIDER",
            "ACCEPTED_BY_CLIENT", "COMPLETED", "DECLINED", "EXPIRED");
    static final List<String> OPEN_STATES = List.of("PROPOSED", "SCREENED_ONCE", "APPROVED", "OFFERED",
            "ACCEPTED_BY_PROVIDER", "ACCEPTED_BY_CLIENT");

    /** Which service's outbox published each topic (for the commit order of its events). */
    static final Map<String, String> PRODUCER_OF_TOPIC = Map.of(
            "intake.referral-events", Databases.INTAKE,
            "intake.waiting-events", Databases.INTAKE,
            "capacity.events", Databases.CAPACITY,
            "transfer.events", Databases.TRANSFER_TABLE,
            "notification.events", Databases.NOTIFICATION);

    private static final int CHUNK = 1_000;

    private final Databases databases;
    private final TopicScan topics;

    public InvariantChecker(Databases databases, TopicScan topics) {
        this.databases = databases;
        this.topics = topics;
    }

    public InvariantReport check(Expectations expected) {
        InvariantReport report = new InvariantReport();
        try {
            referralsExactlyOnce(expected.referrals(), report);
            noClientInTwoOpenProposals(report);
            noLineOversold(report);
            noOfferWithoutTwoApprovals(report);
            notificationsReceivedExactlyOnce(expected, report);
            outboxesDrained(report);
            noDeadDeliveries(report);
        } catch (SQLException e) {
            throw new IllegalStateException("The invariant check could not read a database: " + e.getMessage(), e);
        }
        if (topics != null) {
            eventsInCommitOrder(report);
            topics.pendingDeadLetters().forEach((topic, pending) ->
                    report.found(DEAD_LETTERS_LEFT, pending, pending + " record(s) pending in " + topic));
        } else {
            report.note("topics not checked (no Kafka bootstrap): event order and dead-letter topics unverified");
        }
        return report;
    }

    // --- every referral answered 201: exactly once in intake, in the GP's worklist, in the transfer table

    void referralsExactlyOnce(List<AcceptedReferral> referrals, InvariantReport report) throws SQLException {
        try (Connection intake = databases.connect(Databases.INTAKE);
                Connection table = databases.connect(Databases.TRANSFER_TABLE)) {
            for (int from = 0; from < referrals.size(); from += CHUNK) {
                List<AcceptedReferral> chunk = referrals.subList(from, Math.min(referrals.size(), from + CHUNK));
                Map<UUID, AcceptedReferral> byId = chunk.stream()
                        .collect(Collectors.toMap(AcceptedReferral::referralId, Function.identity(), (a, b) -> a));
                Object[] ids = byId.keySet().toArray();
                Object[] idTexts = byId.keySet().stream().map(UUID::toString).toArray();

                Map<UUID, String> inIntake = new HashMap<>();
                try (PreparedStatement q = intake.prepareStatement(
                        "select id, referrer_agb from referral where id = any(?)")) {
                    q.setArray(1, intake.createArrayOf("uuid", ids));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            inIntake.put(rs.getObject(1, UUID.class), rs.getString(2));
                        }
                    }
                }
                Set<UUID> onWorklist = new HashSet<>();
                try (PreparedStatement q = intake.prepareStatement(
                        "select referral_id, referrer_agb from waiting_entry where referral_id = any(?)")) {
                    q.setArray(1, intake.createArrayOf("uuid", ids));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            UUID id = rs.getObject(1, UUID.class);
                            if (byId.get(id).gpAgb().equals(rs.getString(2))) {
                                onWorklist.add(id);
                            }
                        }
                    }
                }
                Set<UUID> inTable = new HashSet<>();
                try (PreparedStatement q = table.prepareStatement(
                        "select referral_id from waiting_client where has_referral and referral_id = any(?)")) {
                    q.setArray(1, table.createArrayOf("text", idTexts));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            inTable.add(UUID.fromString(rs.getString(1)));
                        }
                    }
                }
                for (AcceptedReferral referral : chunk) {
                    UUID id = referral.referralId();
                    String gp = inIntake.get(id);
                    if (gp == null) {
                        report.found(LOST, "referral " + id + " answered 201 but not in intake");
                    } else if (!gp.equals(referral.gpAgb()) || !onWorklist.contains(id)) {
                        report.found(LOST, "referral " + id + " not on the worklist of GP practice " + referral.gpAgb());
                    }
                    if (!inTable.contains(id)) {
                        report.found(LOST, "referral " + id + " not in the transfer table's read model");
                    }
                }
                // the same client referred twice by a retried request: another row with the same pseudonym
                try (PreparedStatement q = intake.prepareStatement("""
                        select r.client_pseudonym, count(*) from referral r
                        where r.client_pseudonym in (select client_pseudonym from referral where id = any(?))
                        group by r.client_pseudonym having count(*) > 1""")) {
                    q.setArray(1, intake.createArrayOf("uuid", ids));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            report.found(DUPLICATED, rs.getLong(2) - 1,
                                    "client " + rs.getString(1) + " registered " + rs.getLong(2) + " times");
                        }
                    }
                }
            }
        }
    }

    // --- no client in two open proposals

    void noClientInTwoOpenProposals(InvariantReport report) throws SQLException {
        try (Connection table = databases.connect(Databases.TRANSFER_TABLE);
                PreparedStatement q = table.prepareStatement("""
                        select referral_id, count(*) from proposal where state = any(?)
                        group by referral_id having count(*) > 1""")) {
            q.setArray(1, table.createArrayOf("text", OPEN_STATES.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    report.found(DUPLICATED, rs.getLong(2) - 1,
                            "referral " + rs.getString(1) + " is in " + rs.getLong(2) + " open proposals");
                }
            }
        }
    }

    // --- no capacity line with more reservations than places

    void noLineOversold(InvariantReport report) throws SQLException {
        try (Connection capacity = databases.connect(Databases.CAPACITY);
                PreparedStatement q = capacity.prepareStatement("""
                        select l.id, l.places_total, count(r.id) from capacity_line l
                        join reservation r on r.capacity_line_id = l.id and r.state in ('HELD', 'CONFIRMED')
                        group by l.id, l.places_total having count(r.id) > l.places_total""");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                report.found(OVERSOLD, rs.getLong(3) - rs.getLong(2), "capacity line " + rs.getObject(1)
                        + " has " + rs.getLong(3) + " reservations for " + rs.getLong(2) + " places");
            }
        }
    }

    // --- no offer without two distinct approvals, one of them from another organisation (four eyes)

    void noOfferWithoutTwoApprovals(InvariantReport report) throws SQLException {
        try (Connection table = databases.connect(Databases.TRANSFER_TABLE);
                PreparedStatement q = table.prepareStatement("""
                        select p.proposal_id, p.state,
                               count(distinct a.coordinator),
                               count(a.coordinator) filter (where a.organisation is distinct from p.current_provider_agb)
                        from proposal p left join proposal_approval a on a.proposal_id = p.proposal_id
                        where p.state = any(?) or p.reservation_id is not null
                        group by p.proposal_id, p.state
                        having count(distinct a.coordinator) < 2
                            or count(a.coordinator) filter (where a.organisation is distinct from p.current_provider_agb) = 0""")) {
            q.setArray(1, table.createArrayOf("text", APPROVED_STATES.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    report.found(UNAPPROVED_OFFERS, "proposal " + rs.getString(1) + " is " + rs.getString(2) + " with "
                            + rs.getLong(3) + " distinct approver(s), " + rs.getLong(4) + " from another organisation");
                }
            }
        }
    }

    // --- every webhook notification reached the receiver exactly once (by delivery id)

    void notificationsReceivedExactlyOnce(Expectations expected, InvariantReport report) throws SQLException {
        if (expected.webhookRecipients().isEmpty()) {
            report.note("no webhook registered by the harness: webhook deliveries unverified");
            return;
        }
        Set<UUID> known = new HashSet<>();
        try (Connection notification = databases.connect(Databases.NOTIFICATION);
                PreparedStatement q = notification.prepareStatement(
                        "select id, recipient, status, created_at >= ? from delivery where channel = 'WEBHOOK'"
                                + " and recipient = any(?)")) {
            q.setTimestamp(1, java.sql.Timestamp.from(expected.webhooksSince()));
            q.setArray(2, notification.createArrayOf("text", expected.webhookRecipients().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    known.add(id);
                    String status = rs.getString(3);
                    // an older delivery still pending when the receiver was registered may reach it (the URL is
                    // looked up at send time): it must not arrive twice, but it need not arrive here at all
                    boolean sinceRegistration = rs.getBoolean(4);
                    int received = expected.receivedByDeliveryId().getOrDefault(id, 0);
                    if ("SKIPPED".equals(status)) {
                        continue;
                    }
                    if (received == 0 && sinceRegistration) {
                        report.found(LOST, "webhook delivery " + id + " to " + rs.getString(2) + " (" + status
                                + ") never reached the receiver");
                    } else if (received > 1) {
                        // the same webhook id again: the receiver takes it once (Standard Webhooks)
                        report.redelivered(received - 1,
                                "webhook delivery " + id + " reached the receiver " + received + " times");
                    }
                }
            }
        }
        expected.receivedByDeliveryId().forEach((id, times) -> {
            if (!known.contains(id)) {
                report.found(DUPLICATED, times, "the receiver got delivery " + id + " that notification-service has no record of");
            }
        });
    }

    // --- outboxes drained, nothing parked

    void outboxesDrained(InvariantReport report) throws SQLException {
        for (String service : List.of(Databases.INTAKE, Databases.CAPACITY, Databases.TRANSFER_TABLE, Databases.NOTIFICATION)) {
            try (Connection db = databases.connect(service)) {
                String parked = parkedColumn(db);
                String unsent = "select count(*) from outbox where published_at is null"
                        + (parked == null ? "" : " and " + parked + " is null");
                long backlog = single(db, unsent);
                report.found(OUTBOX_BACKLOG, backlog, service + ": " + backlog + " outbox row(s) never published");
                if (parked != null) {
                    long parkedRows = single(db, "select count(*) from outbox where " + parked + " is not null");
                    report.found(DEAD_LETTERS_LEFT, parkedRows, service + ": " + parkedRows + " parked outbox row(s)");
                }
            }
        }
    }

    /**
     * The outbox column that marks a parked (poison) row, if the platform in this build has one: the
     * platform's relay parks rows after bounded attempts (issue 10, defect 1); older schemas have none.
     */
    private static String parkedColumn(Connection db) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("""
                select column_name from information_schema.columns
                where table_name = 'outbox' and column_name like 'parked%' and data_type like 'timestamp%'
                order by column_name limit 1""");
                ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    // --- notification deliveries given up on

    void noDeadDeliveries(InvariantReport report) throws SQLException {
        try (Connection notification = databases.connect(Databases.NOTIFICATION);
                PreparedStatement q = notification.prepareStatement(
                        "select recipient, channel, count(*) from delivery where status = 'DEAD' group by recipient, channel");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                report.found(DEAD_LETTERS_LEFT, rs.getLong(3),
                        rs.getLong(3) + " dead " + rs.getString(2) + " deliveries to " + rs.getString(1));
            }
        }
    }

    // --- events of one aggregate published and consumed in commit order

    void eventsInCommitOrder(InvariantReport report) {
        Map<String, List<Published>> byTopic = topics.readAll(PRODUCER_OF_TOPIC.keySet());
        Map<UUID, Long> outboxIds = new HashMap<>();
        try {
            for (var entry : byTopic.entrySet()) {
                List<UUID> eventIds = entry.getValue().stream().map(Published::eventId).distinct().toList();
                outboxIds.putAll(outboxIds(PRODUCER_OF_TOPIC.get(entry.getKey()), eventIds));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outboxes: " + e.getMessage(), e);
        }
        long unverifiable = 0;
        Map<UUID, String> aggregateOf = new HashMap<>();
        for (var entry : byTopic.entrySet()) {
            String topic = entry.getKey();
            Map<String, Integer> partitionOfAggregate = new HashMap<>();
            Map<String, Long> lastOutboxId = new HashMap<>();
            Set<UUID> seen = new HashSet<>();
            for (Published record : entry.getValue()) {
                aggregateOf.put(record.eventId(), record.aggregateId());
                if (!seen.add(record.eventId())) {
                    continue; // a redelivery (relay crash between send and mark): consumers skip it
                }
                Integer partition = partitionOfAggregate.putIfAbsent(record.aggregateId(), record.partition());
                if (partition != null && partition != record.partition()) {
                    report.found(OUT_OF_ORDER, topic + ": events of " + record.aggregateId() + " on partitions "
                            + partition + " and " + record.partition());
                }
                Long outboxId = outboxIds.get(record.eventId());
                if (outboxId == null) {
                    unverifiable++;
                    continue;
                }
                Long previous = lastOutboxId.put(record.aggregateId(), outboxId);
                if (previous != null && previous > outboxId) {
                    report.found(OUT_OF_ORDER, topic + "[" + record.partition() + "]@" + record.offset() + ": event "
                            + record.eventId() + " of " + record.aggregateId() + " (outbox " + outboxId
                            + ") published after outbox " + previous);
                    lastOutboxId.put(record.aggregateId(), previous);
                }
            }
        }
        if (unverifiable > 0) {
            report.note(unverifiable + " published event(s) no longer in their outbox (purged): their order is unverified");
        }
        consumedInCommitOrder(aggregateOf, outboxIds, report);
    }

    /**
     * Each consumer's {@code processed_event} rows in the order they were processed: within one
     * aggregate the producer's outbox ids must not go down (rows committed in one batch share a time).
     */
    void consumedInCommitOrder(Map<UUID, String> aggregateOf, Map<UUID, Long> outboxIds, InvariantReport report) {
        for (String service : List.of(Databases.INTAKE, Databases.CAPACITY, Databases.TRANSFER_TABLE, Databases.NOTIFICATION)) {
            try (Connection db = databases.connect(service);
                    PreparedStatement q = db.prepareStatement(
                            "select consumer, event_id, processed_at from processed_event order by consumer, processed_at");
                    ResultSet rs = q.executeQuery()) {
                Map<String, long[]> last = new HashMap<>();
                while (rs.next()) {
                    UUID eventId = rs.getObject(2, UUID.class);
                    String aggregate = aggregateOf.get(eventId);
                    Long outboxId = outboxIds.get(eventId);
                    if (aggregate == null || outboxId == null) {
                        continue;
                    }
                    String lane = rs.getString(1) + "/" + aggregate;
                    Timestamp at = rs.getTimestamp(3);
                    long[] previous = last.get(lane);
                    if (previous != null && previous[0] > outboxId && previous[1] < at.getTime()) {
                        report.found(OUT_OF_ORDER, service + " consumer " + rs.getString(1) + " processed event " + eventId
                                + " of " + aggregate + " (outbox " + outboxId + ") after outbox " + previous[0]);
                    } else {
                        last.put(lane, new long[] {outboxId, at.getTime()});
                    }
                }
            } catch (SQLException e) {
                report.note(service + ": processed_event not readable (" + e.getMessage() + ")");
            }
        }
    }

    private Map<UUID, Long> outboxIds(String service, List<UUID> eventIds) throws SQLException {
        Map<UUID, Long> ids = new HashMap<>();
        try (Connection db = databases.connect(service)) {
            for (int from = 0; from < eventIds.size(); from += CHUNK) {
                List<UUID> chunk = eventIds.subList(from, Math.min(eventIds.size(), from + CHUNK));
                try (PreparedStatement q = db.prepareStatement("select event_id, id from outbox where event_id = any(?)")) {
                    Array array = db.createArrayOf("uuid", chunk.toArray());
                    q.setArray(1, array);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            ids.put(rs.getObject(1, UUID.class), rs.getLong(2));
                        }
                    }
                }
            }
        }
        return ids;
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** For callers that want the examples as one list (the HTML report). */
    public static List<String> allExamples(InvariantReport report) {
        List<String> all = new ArrayList<>();
        for (InvariantReport.Kind kind : InvariantReport.Kind.values()) {
            report.examples(kind).forEach(e -> all.add(kind.key() + ": " + e));
        }
        return all;
    }
}
