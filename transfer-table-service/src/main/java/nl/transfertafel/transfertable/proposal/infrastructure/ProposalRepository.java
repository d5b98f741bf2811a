package nl.transfertafel.transfertable.proposal.infrastructure;

import static nl.transfertafel.transfertable.common.infrastructure.Sql.enumOf;
import static nl.transfertafel.transfertable.common.infrastructure.Sql.instant;
import static nl.transfertafel.transfertable.common.infrastructure.Sql.text;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.transfer.DeclineReason;
import nl.transfertafel.contracts.events.transfer.ProposalScreened;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.matching.domain.Explanation;
import nl.transfertafel.transfertable.proposal.domain.Proposal;
import nl.transfertafel.transfertable.proposal.domain.ProposalState;
import nl.transfertafel.transfertable.screening.domain.Approval;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Proposals with their approvals; updates are conditional on the version (optimistic locking). */
public class ProposalRepository {

    static final String OPEN_STATES = states(ProposalState.OPEN);
    static final String HOLDING_STATES = states(ProposalState.HOLDING_UNRESERVED);
    static final String OFFER_STATES = states(ProposalState.OFFER_OPEN);
    static final String SCREENING_STATES = states(ProposalState.AWAITING_SCREENING);

    private static final String COLUMNS = """
            proposal_id, region, referral_id, client_pseudonym, capacity_line_id, receiving_provider_agb,
            current_provider_agb, referrer_agb, insurer_uzovi, origin, proposed_by, proposed_by_organisation,
            diagnosis_group, urgency, state, rejection_reason, rejection_pending_by, rejection_pending_org,
            rejection_pending_at, reservation_id, offer_expires_at, handover_contact,
            decline_reason, end_outcome, explanation, capacity_event_at, created_at, updated_at, version""";

    private final DatabaseClient db;

    public ProposalRepository(DatabaseClient db) {
        this.db = db;
    }

    private static String states(Set<ProposalState> states) {
        return states.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", ", "(", ")"));
    }

    public Mono<Void> insert(Proposal p) {
        var spec = db.sql("insert into proposal (" + COLUMNS + ") values (:id, :region, :referral, :pseudonym, :line,"
                        + " :receiving, :current, :referrer, :insurer, :origin, :proposedBy, :proposedByOrg, :group,"
                        + " :urgency, :state, :rejection, :pendingBy, :pendingOrg, :pendingAt, :reservation, :expires, :handover, :decline, :outcome,"
                        + " :explanation, :capacityEventAt, :createdAt, :updatedAt, 0)")
                .bind("id", p.proposalId())
                .bind("region", p.region())
                .bind("referral", p.referralId())
                .bind("pseudonym", p.clientPseudonym())
                .bind("line", p.capacityLineId())
                .bind("receiving", p.receivingProviderAgb())
                .bind("referrer", p.referrerAgb())
                .bind("origin", p.origin().name())
                .bind("group", p.diagnosisGroup().name())
                .bind("urgency", p.urgency().name())
                .bind("explanation", EventJson.mapper().writeValueAsString(p.explanation()))
                .bind("createdAt", p.createdAt())
                .bind("updatedAt", p.updatedAt());
        spec = text(spec, "current", p.currentProviderAgb());
        spec = text(spec, "insurer", p.insurerUzovi());
        spec = text(spec, "proposedBy", p.proposedBy());
        spec = text(spec, "proposedByOrg", p.proposedByOrganisation());
        spec = mutable(spec, p);
        spec = nl.transfertafel.transfertable.common.infrastructure.Sql.instant(spec, "capacityEventAt", p.capacityEventAt());
        return spec.then();
    }

    /**
     * Writes the new state if nobody changed the proposal since it was read (same version), and adds
     * the approvals that are new. Emits false when another actor was first.
     */
    public Mono<Boolean> update(Proposal before, Proposal after) {
        var spec = db.sql("""
                        update proposal set state = :state, rejection_reason = :rejection, reservation_id = :reservation,
                            rejection_pending_by = :pendingBy, rejection_pending_org = :pendingOrg,
                            rejection_pending_at = :pendingAt,
                            offer_expires_at = :expires, handover_contact = :handover, decline_reason = :decline,
                            end_outcome = :outcome, updated_at = :updatedAt, version = version + 1
                        where proposal_id = :id and version = :version""")
                .bind("id", before.proposalId())
                .bind("version", before.version())
                .bind("updatedAt", after.updatedAt());
        spec = mutable(spec, after);
        List<Approval> added = after.approvals().subList(before.approvals().size(), after.approvals().size());
        return spec.fetch().rowsUpdated().flatMap(n -> n == 0 ? Mono.just(false)
                : Flux.fromIterable(added).concatMap(a -> db.sql("""
                                insert into proposal_approval (proposal_id, coordinator, organisation, approved_at)
                                values (:id, :coordinator, :organisation, :at)""")
                        .bind("id", after.proposalId())
                        .bind("coordinator", a.userId())
                        .bind("organisation", a.organisation())
                        .bind("at", a.at())
                        .then()).then(Mono.just(true)));
    }

    private static org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec mutable(
            org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec spec, Proposal p) {
        spec = spec.bind("state", p.state().name());
        spec = text(spec, "rejection", p.rejectionReason());
        spec = text(spec, "pendingBy", p.pendingRejection() == null ? null : p.pendingRejection().userId());
        spec = text(spec, "pendingOrg", p.pendingRejection() == null ? null : p.pendingRejection().organisation());
        spec = nl.transfertafel.transfertable.common.infrastructure.Sql.instant(spec, "pendingAt",
                p.pendingRejection() == null ? null : p.pendingRejection().at());
        spec = text(spec, "reservation", p.reservationId());
        spec = nl.transfertafel.transfertable.common.infrastructure.Sql.instant(spec, "expires", p.offerExpiresAt());
        spec = text(spec, "handover", p.handoverContact());
        spec = text(spec, "decline", p.declineReason());
        return text(spec, "outcome", p.endOutcome());
    }

    public Mono<Proposal> find(String proposalId) {
        return db.sql("select " + COLUMNS + " from proposal where proposal_id = :id")
                .bind("id", proposalId)
                .map(ProposalRepository::row)
                .one()
                .flatMap(this::withApprovals);
    }

    private Mono<Proposal> withApprovals(Proposal p) {
        return withApprovals(List.of(p)).next();
    }

    /**
     * The proposals with their approvals, read in one statement for all of them (issue 10: a list of n
     * proposals costs two statements, not n + 1), in the order given.
     */
    private Flux<Proposal> withApprovals(List<Proposal> found) {
        if (found.isEmpty()) {
            return Flux.empty();
        }
        String[] ids = found.stream().map(Proposal::proposalId).toArray(String[]::new);
        return db.sql("select proposal_id, coordinator, organisation, approved_at from proposal_approval"
                        + " where proposal_id = any(:ids) order by approved_at, coordinator")
                .bind("ids", ids)
                .map(row -> Map.entry(row.get("proposal_id", String.class), new Approval(row.get("coordinator",
                        String.class), row.get("organisation", String.class), instant(row, "approved_at"))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())))
                .flatMapMany(approvals -> Flux.fromIterable(found)
                        .map(p -> withApprovals(p, approvals.getOrDefault(p.proposalId(), List.of()))));
    }

    private static Proposal withApprovals(Proposal p, List<Approval> approvals) {
        return new Proposal(p.proposalId(), p.region(), p.referralId(), p.clientPseudonym(),
                        p.capacityLineId(), p.receivingProviderAgb(), p.currentProviderAgb(), p.referrerAgb(),
                        p.insurerUzovi(), p.origin(), p.proposedBy(), p.proposedByOrganisation(), p.diagnosisGroup(),
                        p.urgency(), p.state(), approvals, p.rejectionReason(), p.pendingRejection(), p.reservationId(), p.offerExpiresAt(),
                        p.handoverContact(), p.declineReason(), p.endOutcome(), p.explanation(), p.capacityEventAt(),
                        p.createdAt(), p.updatedAt(), p.version());
    }

    private Flux<Proposal> many(String where, Map<String, Object> params) {
        var spec = db.sql("select " + COLUMNS + " from proposal where " + where + " order by created_at, proposal_id");
        for (var e : params.entrySet()) {
            spec = spec.bind(e.getKey(), e.getValue());
        }
        return spec.map(ProposalRepository::row).all().collectList().flatMapMany(this::withApprovals);
    }

    public Flux<Proposal> openForClient(String referralId) {
        return many("referral_id = :id and state in " + OPEN_STATES, Map.of("id", referralId));
    }

    /** Proposals on the line that wait for screening or approval, i.e. hold a place without a reservation. */
    public Flux<Proposal> holdingOnLine(String capacityLineId) {
        return many("capacity_line_id = :id and state in " + HOLDING_STATES, Map.of("id", capacityLineId));
    }

    public Flux<Proposal> byReservation(String reservationId) {
        return many("reservation_id = :id", Map.of("id", reservationId));
    }

    public Flux<Proposal> awaitingScreening(String region) {
        return many("region = :region and state in " + SCREENING_STATES, Map.of("region", region));
    }

    public Flux<Proposal> openOffers(String where, Map<String, Object> params) {
        return many("state in " + OFFER_STATES + " and " + where, params);
    }

    public Flux<Proposal> offersExpiredBy(Instant now) {
        return many("state in " + OFFER_STATES + " and offer_expires_at <= :now", Map.of("now", now));
    }

    public Flux<Proposal> approvedUnreserved() {
        return many("state = 'APPROVED'", Map.of());
    }

    public Flux<Proposal> screeningOverdue(Instant createdBefore) {
        return many("state in " + SCREENING_STATES + " and overdue_signalled_at is null and created_at <= :before",
                Map.of("before", createdBefore));
    }

    public Mono<Boolean> markOverdueSignalled(String proposalId, Instant at) {
        return db.sql("update proposal set overdue_signalled_at = :at where proposal_id = :id and overdue_signalled_at is null")
                .bind("at", at)
                .bind("id", proposalId)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** One answer to an offer (for the figures: acceptances and declines by reason). */
    public Mono<Void> recordAnswer(Proposal p, String party, boolean accepted, DeclineReason reason, Instant at) {
        var spec = db.sql("""
                        insert into offer_answer (proposal_id, region, party, accepted, decline_reason, answered_at)
                        values (:id, :region, :party, :accepted, :reason, :at)""")
                .bind("id", p.proposalId())
                .bind("region", p.region())
                .bind("party", party)
                .bind("accepted", accepted)
                .bind("at", at);
        return text(spec, "reason", reason).then();
    }

    // ---------------------------------------------------------------- facts for matching

    /**
     * Referrals whose client (by pseudonym, item 14: one person, one place) is in an open proposal:
     * every referral of that person, not only the one proposed.
     */
    public Mono<Set<String>> clientsInOpenProposal(String region) {
        return ids(samePerson("state in " + OPEN_STATES), region);
    }

    /** Referrals whose client (by pseudonym) was transferred through the table already. */
    public Mono<Set<String>> clientsTransferred(String region) {
        return ids(samePerson("state = 'COMPLETED'"), region);
    }

    private static String samePerson(String proposalCondition) {
        return "select referral_id from proposal where region = :region and " + proposalCondition
                + " union select w.referral_id from waiting_client w where w.region = :region and w.client_pseudonym in"
                // a person is one person in every region: the one-open-proposal index is per pseudonym
                + " (select client_pseudonym from proposal where " + proposalCondition + ")";
    }

    /** A referral's most telling proposal for a closure case's progress: completed, else open, else the latest. */
    public record ProposalFact(String proposalId, ProposalState state, Instant changedAt, String lineRegion) {
    }

    /** Per referral, its most telling proposal (completed before open before the latest ended one), in one statement. */
    public Mono<Map<String, ProposalFact>> mostTellingFor(java.util.Collection<String> referralIds) {
        if (referralIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select distinct on (p.referral_id) p.referral_id, p.proposal_id, p.state, p.updated_at,"
                        + " l.region as line_region from proposal p"
                        + " left join capacity_line l on l.capacity_line_id = p.capacity_line_id"
                        + " where p.referral_id = any(:ids) order by p.referral_id,"
                        + " case when p.state = 'COMPLETED' then 0 when p.state in " + OPEN_STATES + " then 1 else 2 end,"
                        + " p.created_at desc")
                .bind("ids", referralIds.stream().distinct().toArray(String[]::new))
                .map(row -> Map.entry(row.get("referral_id", String.class),
                        new ProposalFact(row.get("proposal_id", String.class),
                                ProposalState.valueOf(row.get("state", String.class)), instant(row, "updated_at"),
                                row.get("line_region", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Open proposals of a person (by pseudonym) in any region: for the one-open-proposal rule of manual proposals. */
    public Flux<Proposal> openForPerson(String clientPseudonym) {
        return many("client_pseudonym = :p and state in " + OPEN_STATES, Map.of("p", clientPseudonym));
    }

    /** Records a reservation capacity-service made for an open proposal whose reply never arrived (item 16). */
    public Mono<Boolean> recordKnownReservation(String proposalId, String reservationId) {
        return db.sql("update proposal set reservation_id = :reservation, version = version + 1 where proposal_id = :id"
                        + " and reservation_id is null and state in " + HOLDING_STATES)
                .bind("reservation", reservationId)
                .bind("id", proposalId)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Proposals waiting for a screening decision, per region (the screening backlog). */
    public Mono<Map<String, Long>> awaitingScreeningPerRegion() {
        return db.sql("select region, count(*) as n from proposal where state in " + SCREENING_STATES + " group by region")
                .map(row -> Map.entry(row.get("region", String.class), row.get("n", Long.class)))
                .all()
                .collect(HashMap<String, Long>::new, (m, e) -> m.put(e.getKey(), e.getValue()))
                .map(m -> (Map<String, Long>) m);
    }

    /** client|provider pairs rejected in screening or declined since the given moment. */
    public Mono<Set<String>> refusedPairsSince(String region, Instant since) {
        return db.sql("""
                        select referral_id, receiving_provider_agb from proposal
                        where region = :region and state in ('REJECTED', 'DECLINED') and updated_at >= :since""")
                .bind("region", region)
                .bind("since", since)
                .map(row -> row.get("referral_id", String.class) + "|" + row.get("receiving_provider_agb", String.class))
                .all()
                .collect(HashSet<String>::new, Set::add)
                .map(s -> (Set<String>) s);
    }

    /**
     * Per line of the region, the places open proposals hold before capacity-service knows: the region's own
     * proposals and those of other regions' out-of-region passes on the region's lines (ADR 1430), so a home
     * round never proposes a place an out-of-region proposal holds, nor the other way round.
     */
    public Mono<Map<String, Integer>> placesHeld(String region) {
        return placesHeld(region, "region = :region");
    }

    /** Per line outside the region (the out-of-region pass's lines), the places open proposals hold. */
    public Mono<Map<String, Integer>> placesHeldOutside(String region) {
        return placesHeld(region, "region <> :region");
    }

    private Mono<Map<String, Integer>> placesHeld(String region, String lineRegion) {
        // a union, not "region = :region or capacity_line_id in (...)": an OR with a subquery is a sequential scan
        // of every proposal ever made (issue 10); each branch here is a range of a partial index (V12)
        String onLines = "select proposal_id, capacity_line_id from proposal where state in " + HOLDING_STATES
                + " and capacity_line_id in (select capacity_line_id from capacity_line where " + lineRegion + ")";
        String ownRegion = "select proposal_id, capacity_line_id from proposal where state in " + HOLDING_STATES
                + " and region = :region union ";
        return db.sql("select capacity_line_id, count(*) as n from ("
                        + ("region = :region".equals(lineRegion) ? ownRegion : "") + onLines + ") held"
                        + " group by capacity_line_id")
                .bind("region", region)
                .map(row -> Map.entry(row.get("capacity_line_id", String.class), row.get("n", Long.class).intValue()))
                .all()
                .collect(HashMap<String, Integer>::new, (m, e) -> m.put(e.getKey(), e.getValue()))
                .map(m -> (Map<String, Integer>) m);
    }

    private Mono<Set<String>> ids(String sql, String region) {
        return db.sql(sql).bind("region", region)
                .map(row -> row.get("referral_id", String.class))
                .all()
                .collect(HashSet<String>::new, Set::add)
                .map(s -> (Set<String>) s);
    }

    /**
     * Taken (shared) by every round and manual proposal before its region's lock, and exclusively by an
     * out-of-region pass, which proposes places of other regions' lines (ADR 1430): a pass never runs beside a
     * round that could propose the same place, and rounds of different regions still run side by side. Always
     * before a region's lock, so the two locks are taken in one order everywhere.
     */
    public Mono<Void> lockLinesShared() {
        return advisoryLock("pg_advisory_xact_lock_shared", "transfer-table-lines");
    }

    /** The out-of-region pass's exclusive hold on every region's lines; see {@link #lockLinesShared()}. */
    public Mono<Void> lockLinesExclusive() {
        return advisoryLock("pg_advisory_xact_lock", "transfer-table-lines");
    }

    private Mono<Void> advisoryLock(String function, String key) {
        return db.sql("select 1 as locked from (select " + function + "(hashtext(:key))) as l")
                .bind("key", key)
                .map(row -> row.get("locked", Integer.class))
                .one().then();
    }

    // ------------------------------------------------------------------ out of region (ADR 1430)

    /** Closure members a round of their region left unplaced: from now on the out-of-region pass may place them. */
    public Mono<Void> markOutOfRegionEligible(String region, java.util.Collection<String> referralIds, Instant now) {
        if (referralIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("insert into out_of_region_eligible (referral_id, region, since)"
                        + " select unnest(cast(:ids as text[])), :region, :now on conflict (referral_id) do nothing")
                .bind("ids", referralIds.stream().distinct().toArray(String[]::new))
                .bind("region", region)
                .bind("now", now)
                .then();
    }

    /** The region's referrals eligible for out-of-region lines. */
    public Mono<Set<String>> outOfRegionEligible(String region) {
        return ids("select referral_id from out_of_region_eligible where region = :region", region);
    }

    /**
     * Whether the region has a client the out-of-region pass could place now (eligible, still waiting, in no open
     * proposal): a cheap check before the pass takes the exclusive lock.
     */
    public Mono<Boolean> anyOutOfRegionCandidate(String region) {
        return db.sql("select exists (select 1 from out_of_region_eligible e join waiting_client w"
                        + " on w.referral_id = e.referral_id where e.region = :region"
                        + " and coalesce(w.stage, 'WAITING') = 'WAITING' and not exists (select 1 from proposal p"
                        + " where p.client_pseudonym = w.client_pseudonym and p.state in " + OPEN_STATES + ")) as any")
                .bind("region", region)
                .map(row -> Boolean.TRUE.equals(row.get("any", Boolean.class)))
                .one();
    }

    /** Of these referrals, those eligible for out-of-region lines, with the moment they became so. */
    public Mono<Map<String, Instant>> outOfRegionSince(java.util.Collection<String> referralIds) {
        if (referralIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select referral_id, since from out_of_region_eligible where referral_id = any(:ids)")
                .bind("ids", referralIds.stream().distinct().toArray(String[]::new))
                .map(row -> Map.entry(row.get("referral_id", String.class), instant(row, "since")))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Serialises matching rounds and proposal creation per region, across instances of the service. */
    public Mono<Void> lockRegion(String region) {
        return db.sql("select 1 as locked from (select pg_advisory_xact_lock(hashtext(:key))) as l")
                .bind("key", "transfer-table-region:" + region)
                .map(row -> row.get("locked", Integer.class))
                .one().then();
    }

    static Proposal row(Readable row) {
        return new Proposal(row.get("proposal_id", String.class), row.get("region", String.class),
                row.get("referral_id", String.class), row.get("client_pseudonym", String.class),
                row.get("capacity_line_id", String.class), row.get("receiving_provider_agb", String.class),
                row.get("current_provider_agb", String.class), row.get("referrer_agb", String.class),
                row.get("insurer_uzovi", String.class), enumOf(row, "origin", TransferProposed.Origin.class),
                row.get("proposed_by", String.class), row.get("proposed_by_organisation", String.class),
                enumOf(row, "diagnosis_group", DiagnosisGroup.class), enumOf(row, "urgency", Urgency.class),
                enumOf(row, "state", ProposalState.class), List.of(),
                enumOf(row, "rejection_reason", ProposalScreened.RejectionReason.class),
                row.get("rejection_pending_by", String.class) == null ? null
                        : new Approval(row.get("rejection_pending_by", String.class),
                                row.get("rejection_pending_org", String.class), instant(row, "rejection_pending_at")),
                row.get("reservation_id", String.class), instant(row, "offer_expires_at"),
                row.get("handover_contact", String.class), enumOf(row, "decline_reason", DeclineReason.class),
                enumOf(row, "end_outcome", TransferEnded.Outcome.class),
                EventJson.mapper().readValue(row.get("explanation", String.class), Explanation.class),
                instant(row, "capacity_event_at"), instant(row, "created_at"), instant(row, "updated_at"),
                row.get("version", Long.class));
    }
}
