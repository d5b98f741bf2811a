package nl.transfertafel.intake.waitinglist.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Stage;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.client.application.ListedClients;
import nl.transfertafel.intake.support.Sql;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Waiting entries; updates are conditional on the version read (optimistic locking). */
public class WaitingEntryRepository implements ListedClients {

    // The statements, named once: the repository runs them and HotQueriesUseIndexesIT explains these very texts.
    public static final String INSERT = """
            insert into waiting_entry (referral_id, region, client_pseudonym, referrer_agb, provider_agb, placement,
                waiting_status, stage, withdrawal_reason, diagnosis_group, urgency, registered_on, intake_on,
                treatment_started_on, withdrawn_on, status_confirmed_on, stale, last_change, version, updated_at,
                wait_counts_from, location_id)
            values (:id, :region, :pseudonym, :referrer, :provider, :placement, :status, :stage, :withdrawalReason,
                :diagnosisGroup, :urgency, :registeredOn, :intakeOn, :treatmentOn, :withdrawnOn, :confirmedOn,
                :stale, :lastChange, :version, :updatedAt, :waitCountsFrom, :locationId)""";
    public static final String UPDATE = """
            update waiting_entry set region = :region, client_pseudonym = :pseudonym, referrer_agb = :referrer,
                provider_agb = :provider, placement = :placement, waiting_status = :status, stage = :stage,
                withdrawal_reason = :withdrawalReason, diagnosis_group = :diagnosisGroup, urgency = :urgency,
                registered_on = :registeredOn, intake_on = :intakeOn, treatment_started_on = :treatmentOn,
                withdrawn_on = :withdrawnOn, status_confirmed_on = :confirmedOn, stale = :stale,
                last_change = :lastChange, version = :version, updated_at = :updatedAt,
                wait_counts_from = :waitCountsFrom, location_id = :locationId
            where referral_id = :id and version = :expectedVersion""";
    public static final String FIND = "select * from waiting_entry where referral_id = :id";
    public static final String FIND_ALL = "select * from waiting_entry where referral_id = any(:ids)";
    public static final String OPEN_BY_CLIENT = "select client_pseudonym, count(*) as open from waiting_entry"
            + " where client_pseudonym = any(:pseudonyms) and stage in ('WAITING', 'INTAKE_DONE')"
            + " group by client_pseudonym";
    private static final String AT_PROVIDER_WHERE = "select * from waiting_entry where provider_agb = :provider"
            + " and region = :region and placement = 'PLACED'";
    private static final String AT_PROVIDER_PAGE = " order by registered_on, referral_id limit :limit offset :offset";
    public static final String AT_PROVIDER = AT_PROVIDER_WHERE + AT_PROVIDER_PAGE;
    public static final String AT_PROVIDER_ACTIVE = AT_PROVIDER_WHERE + " and stage in ('WAITING', 'INTAKE_DONE')"
            + AT_PROVIDER_PAGE;
    public static final String CLOCK_CANDIDATES = """
            select e.* from waiting_entry e
            where e.stage in ('WAITING', 'INTAKE_DONE') and e.registered_on <= :day
              and not (exists (select 1 from treeknorm_signal s where s.referral_id = e.referral_id
                               and s.norm = 'TREATMENT' and s.level = 'BREACHED')
                   and (e.stage <> 'WAITING' or exists (select 1 from treeknorm_signal s
                               where s.referral_id = e.referral_id and s.norm = 'INTAKE' and s.level = 'BREACHED')))
            order by e.registered_on, e.referral_id""";
    public static final String IN_CARE_AT = """
            select referral_id from waiting_entry
            where provider_agb = :provider and placement = 'PLACED' and stage in ('INTAKE_DONE', 'IN_TREATMENT')
              and (cardinality(cast(:groups as text[])) = 0 or diagnosis_group = any(cast(:groups as text[])))
              and (cast(:location as text) is null or location_id = cast(:location as text))
            order by registered_on, referral_id""";
    public static final String STALE_CANDIDATES = """
            select referral_id from waiting_entry
            where stage in ('WAITING', 'INTAKE_DONE') and placement = 'PLACED' and not stale
              and status_confirmed_on <= :day
            order by status_confirmed_on, referral_id""";

    private final DatabaseClient db;
    private final Clock clock;

    public WaitingEntryRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Void> insert(WaitingEntry entry) {
        return values(db.sql(INSERT), entry)
                .then();
    }

    /** Writes {@code entry} if the stored row still has {@code expectedVersion}; emits whether it did. */
    public Mono<Boolean> update(WaitingEntry entry, long expectedVersion) {
        return values(db.sql(UPDATE), entry)
                .bind("expectedVersion", expectedVersion)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    public Mono<WaitingEntry> find(UUID referralId) {
        return db.sql(FIND)
                .bind("id", referralId)
                .map(WaitingEntryRepository::entry)
                .one();
    }

    /** For the contact look-up (client feature): a client is listed until the referral is withdrawn. */
    @Override
    public Mono<String> pseudonymIfListed(UUID referralId) {
        return find(referralId).filter(entry -> entry.stage() != Stage.WITHDRAWN).map(WaitingEntry::clientPseudonym);
    }

    public Mono<java.util.Map<UUID, WaitingEntry>> findAll(java.util.Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return Mono.just(java.util.Map.of());
        }
        return db.sql(FIND_ALL)
                .bind("ids", referralIds.toArray(UUID[]::new))
                .map(WaitingEntryRepository::entry)
                .all()
                .collectMap(WaitingEntry::referralId);
    }

    /**
     * How many entries each of these clients (pseudonyms) still waits on, wherever and by whomever
     * referred: the same person referred twice shows up (issue 11 item 14).
     */
    public Mono<java.util.Map<String, Long>> openByClient(java.util.Collection<String> pseudonyms) {
        if (pseudonyms.isEmpty()) {
            return Mono.just(java.util.Map.of());
        }
        return db.sql(OPEN_BY_CLIENT)
                .bind("pseudonyms", pseudonyms.toArray(String[]::new))
                .map(row -> java.util.Map.entry(row.get("client_pseudonym", String.class), row.get("open", Long.class)))
                .all()
                .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue);
    }

    /**
     * A provider's placed entries in one region, longest waiting first; {@code activeOnly} leaves out
     * treated and withdrawn clients.
     */
    public Flux<WaitingEntry> atProvider(String providerAgb, String region, boolean activeOnly, int limit, int offset) {
        return db.sql(activeOnly ? AT_PROVIDER_ACTIVE : AT_PROVIDER)
                .bind("provider", providerAgb)
                .bind("region", region)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(WaitingEntryRepository::entry)
                .all();
    }

    /**
     * Entries still waiting that were registered on or before {@code registeredOnOrBefore} and do
     * not yet have every breach signal they can get (the Treeknorm job's candidates).
     */
    public Flux<WaitingEntry> clockCandidates(LocalDate registeredOnOrBefore) {
        return db.sql(CLOCK_CANDIDATES)
                .bind("day", registeredOnOrBefore)
                .map(WaitingEntryRepository::entry)
                .all();
    }

    /**
     * The entries placed at the provider whose client is in intake or treatment there, in the diagnosis groups
     * given (every group when none) and at the location given (every location when null; an entry whose location
     * is unknown is not at a named one): the clients whose care must move when the provider closes (ADR 1431).
     */
    public Flux<UUID> inCareAt(String providerAgb, java.util.Collection<String> diagnosisGroups, String locationId) {
        GenericExecuteSpec spec = db.sql(IN_CARE_AT)
                .bind("provider", providerAgb)
                .bind("groups", diagnosisGroups.toArray(String[]::new));
        return Sql.bind(spec, "location", locationId, String.class)
                .map(row -> row.get("referral_id", UUID.class))
                .all();
    }

    /** Placed entries still waiting, not flagged stale, whose status was last confirmed on or before the day. */
    public Flux<UUID> staleCandidates(LocalDate confirmedOnOrBefore) {
        return db.sql(STALE_CANDIDATES)
                .bind("day", confirmedOnOrBefore)
                .map(row -> row.get("referral_id", UUID.class))
                .all();
    }

    private GenericExecuteSpec values(GenericExecuteSpec spec, WaitingEntry entry) {
        spec = spec.bind("id", entry.referralId())
                .bind("region", entry.region())
                .bind("pseudonym", entry.clientPseudonym())
                .bind("referrer", entry.referrerAgb())
                .bind("placement", entry.placement().name())
                .bind("status", entry.waitingStatus().name())
                .bind("stage", entry.stage().name())
                .bind("diagnosisGroup", entry.diagnosisGroup().name())
                .bind("urgency", entry.urgency().name())
                .bind("registeredOn", entry.registeredOn())
                .bind("confirmedOn", entry.statusConfirmedOn())
                .bind("stale", entry.stale())
                .bind("lastChange", entry.lastChange().name())
                .bind("version", entry.version())
                .bind("updatedAt", clock.instant());
        spec = Sql.bind(spec, "provider", entry.providerAgb(), String.class);
        spec = Sql.bindName(spec, "withdrawalReason", entry.withdrawalReason());
        spec = Sql.bind(spec, "intakeOn", entry.intakeOn(), LocalDate.class);
        spec = Sql.bind(spec, "treatmentOn", entry.treatmentStartedOn(), LocalDate.class);
        spec = Sql.bind(spec, "waitCountsFrom", entry.waitCountsFrom(), LocalDate.class);
        spec = Sql.bind(spec, "locationId", entry.locationId(), String.class);
        return Sql.bind(spec, "withdrawnOn", entry.withdrawnOn(), LocalDate.class);
    }

    public static WaitingEntry entry(Readable row) {
        return new WaitingEntry(
                row.get("referral_id", UUID.class),
                row.get("region", String.class),
                row.get("client_pseudonym", String.class),
                row.get("referrer_agb", String.class),
                row.get("provider_agb", String.class),
                Sql.enumOf(row, "placement", Placement.class),
                Sql.enumOf(row, "waiting_status", WaitingStatus.class),
                Sql.enumOf(row, "stage", Stage.class),
                Sql.enumOf(row, "withdrawal_reason", WithdrawalReason.class),
                Sql.enumOf(row, "diagnosis_group", DiagnosisGroup.class),
                Sql.enumOf(row, "urgency", Urgency.class),
                row.get("registered_on", LocalDate.class),
                row.get("intake_on", LocalDate.class),
                row.get("treatment_started_on", LocalDate.class),
                row.get("withdrawn_on", LocalDate.class),
                row.get("status_confirmed_on", LocalDate.class),
                Boolean.TRUE.equals(row.get("stale", Boolean.class)),
                Sql.enumOf(row, "last_change", Change.class),
                row.get("version", Long.class),
                row.get("wait_counts_from", LocalDate.class),
                row.get("location_id", String.class));
    }
}
