package nl.transfertafel.transfertable.readmodel.infrastructure;

import static nl.transfertafel.transfertable.common.infrastructure.Sql.date;
import static nl.transfertafel.transfertable.common.infrastructure.Sql.enumOf;
import static nl.transfertafel.transfertable.common.infrastructure.Sql.instant;
import static nl.transfertafel.transfertable.common.infrastructure.Sql.integer;
import static nl.transfertafel.transfertable.common.infrastructure.Sql.text;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.ContractChanged;
import nl.transfertafel.contracts.events.capacity.ProviderClosureAnnounced;
import nl.transfertafel.contracts.events.capacity.ProviderProfileChanged;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.ContractTerms;
import nl.transfertafel.transfertable.readmodel.domain.RegistrationRestriction;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** The read model's tables: written only by the event consumers, read by matching and the API. */
public class ReadModelRepository {

    private static final String CLIENT_COLUMNS = """
            referral_id, region, client_pseudonym, referrer_agb, postcode_area, age_band, diagnosis_group, care_level,
            urgency, insurer_uzovi, coalesce(wait_counts_from, registered_on) as registered_on, max_travel_km, e_health_ok,
            wait_for_preferred,
            preferred_provider_agb, screening_consent, current_provider_agb, waiting_status, stage, stale""";

    private final DatabaseClient db;

    public ReadModelRepository(DatabaseClient db) {
        this.db = db;
    }

    // ------------------------------------------------------------------ intake events

    public Mono<Void> recordReferral(String region, ReferralReceived r, Instant now) {
        var spec = db.sql("""
                        insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb, has_referral,
                            postcode_area, age_band, diagnosis_group, care_level, urgency, insurer_uzovi, registered_on,
                            max_travel_km, e_health_ok, wait_for_preferred, preferred_provider_agb, screening_consent,
                            recorded_at, updated_at)
                        values (:id, :region, :pseudonym, :referrer, true, :area, :ageBand, :group, :careLevel, :urgency,
                            :insurer, :registeredOn, :maxTravel, :eHealth, :waitPreferred, :preferred, :consent, :now, :now)
                        on conflict (referral_id) do update set has_referral = true,
                            postcode_area = excluded.postcode_area, age_band = excluded.age_band,
                            care_level = excluded.care_level, insurer_uzovi = excluded.insurer_uzovi,
                            max_travel_km = excluded.max_travel_km, e_health_ok = excluded.e_health_ok,
                            wait_for_preferred = excluded.wait_for_preferred,
                            preferred_provider_agb = excluded.preferred_provider_agb,
                            -- a later ScreeningConsentChanged is the client's latest answer; a repeated referral keeps it
                            screening_consent = case when waiting_client.screening_consent_changed_at is null
                                then excluded.screening_consent else waiting_client.screening_consent end,
                            updated_at = excluded.updated_at,
                            -- the waiting entry, when it came first, knows the current group, urgency and date
                            diagnosis_group = coalesce(waiting_client.diagnosis_group, excluded.diagnosis_group),
                            urgency = coalesce(waiting_client.urgency, excluded.urgency),
                            registered_on = coalesce(waiting_client.registered_on, excluded.registered_on)""")
                .bind("id", r.referralId())
                .bind("region", region)
                .bind("pseudonym", r.clientPseudonym())
                .bind("referrer", r.referrerAgb())
                .bind("area", r.postcodeArea())
                .bind("ageBand", r.ageBand())
                .bind("group", r.diagnosisGroup().name())
                .bind("careLevel", r.careLevel().name())
                .bind("urgency", r.urgency().name())
                .bind("insurer", r.insurerUzovi())
                .bind("registeredOn", r.registeredOn())
                .bind("eHealth", r.preferences().eHealthAcceptable())
                .bind("waitPreferred", r.preferences().waitForPreferredProvider())
                .bind("consent", r.screeningConsent())
                .bind("now", now);
        spec = integer(spec, "maxTravel", r.preferences().maxTravelKm());
        spec = text(spec, "preferred", r.preferredProviderAgb());
        return spec.then();
    }

    /**
     * The client changed whether they accept transfer screening (ScreeningConsentChanged). Emits whether it applied:
     * not when no referral row exists yet (the referral comes first, on the same partition key) or a newer consent
     * change is held already.
     */
    public Mono<Boolean> recordScreeningConsent(String referralId, boolean consent, Instant changedAt, Instant now) {
        return db.sql("""
                        update waiting_client set screening_consent = :consent, screening_consent_changed_at = :at,
                            updated_at = :now
                        where referral_id = :id
                            and (screening_consent_changed_at is null or screening_consent_changed_at <= :at)""")
                .bind("id", referralId)
                .bind("consent", consent)
                .bind("at", changedAt)
                .bind("now", now)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Upserts the waiting-entry snapshot; a snapshot older than the one held is ignored. Emits whether it applied. */
    public Mono<Boolean> recordWaitingEntry(String region, WaitingEntryChanged e, Instant now) {
        var spec = db.sql("""
                        insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb, diagnosis_group,
                            urgency, registered_on, entry_version, current_provider_agb, placement, waiting_status, stage,
                            stale, wait_counts_from, location_id, recorded_at, updated_at)
                        values (:id, :region, :pseudonym, :referrer, :group, :urgency, :registeredOn, :version, :provider,
                            :placement, :status, :stage, :stale, :waitCountsFrom, :location, :now, :now)
                        on conflict (referral_id) do update set entry_version = excluded.entry_version,
                            wait_counts_from = excluded.wait_counts_from, location_id = excluded.location_id,
                            current_provider_agb = excluded.current_provider_agb, placement = excluded.placement,
                            waiting_status = excluded.waiting_status, stage = excluded.stage,
                            diagnosis_group = coalesce(excluded.diagnosis_group, waiting_client.diagnosis_group),
                            urgency = coalesce(excluded.urgency, waiting_client.urgency),
                            registered_on = coalesce(excluded.registered_on, waiting_client.registered_on),
                            stale = excluded.stale, updated_at = excluded.updated_at
                        where waiting_client.entry_version is null or waiting_client.entry_version < excluded.entry_version""")
                .bind("id", e.referralId())
                .bind("region", region)
                .bind("pseudonym", e.clientPseudonym())
                .bind("referrer", e.referrerAgb())
                .bind("version", e.version())
                .bind("stale", e.change() == WaitingEntryChanged.Change.STALE)
                .bind("now", now);
        spec = text(spec, "group", e.diagnosisGroup());
        spec = text(spec, "urgency", e.urgency());
        spec = date(spec, "registeredOn", e.registeredOn());
        spec = date(spec, "waitCountsFrom", e.waitCountsFrom());
        spec = text(spec, "location", e.locationId());
        spec = text(spec, "provider", e.providerAgb());
        spec = text(spec, "placement", e.placement());
        spec = text(spec, "status", e.waitingStatus());
        spec = text(spec, "stage", e.stage());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Void> recordTreeknorm(TreeknormSignalled t) {
        return db.sql("update waiting_client set treeknorm_level = :level where referral_id = :id")
                .bind("level", t.norm() + "_" + t.level())
                .bind("id", t.referralId())
                .then();
    }

    // ------------------------------------------------------------------ capacity events

    /**
     * Records an announcement. A line first seen through a later CapacityLineChanged (the row holds
     * its newer state, unannounced) gets what the line offers and keeps its state; a replayed
     * announcement of a line already announced changes nothing (an announcement is always version
     * 0, older than any change). Emits whether the line became announced now.
     */
    public Mono<Boolean> recordCapacityAnnounced(String region, CapacityAnnounced a, Instant occurredAt, Instant now) {
        var spec = db.sql("""
                        insert into capacity_line (capacity_line_id, region, provider_agb, provider_type, postcode_area,
                            diagnosis_groups, care_level, places_total, places_left, available_from, available_until,
                            offering_id, location_id, min_age, max_age, exclusions, places_freed_at, recorded_at,
                            announced, line_version)
                        values (:id, :region, :provider, :type, :area, :groups, :careLevel, :places, :places, :from, :until,
                            :offering, :location, :minAge, :maxAge, :exclusions, :occurredAt, :now, true, 0)
                        on conflict (capacity_line_id) do update set provider_type = excluded.provider_type,
                            postcode_area = excluded.postcode_area, diagnosis_groups = excluded.diagnosis_groups,
                            care_level = excluded.care_level, offering_id = excluded.offering_id,
                            location_id = excluded.location_id, min_age = excluded.min_age, max_age = excluded.max_age,
                            exclusions = excluded.exclusions, announced = true,
                            places_freed_at = least(capacity_line.places_freed_at, excluded.places_freed_at)
                        where not capacity_line.announced""")
                .bind("id", a.capacityLineId())
                .bind("region", region)
                .bind("provider", a.providerAgb())
                .bind("type", a.providerType().name())
                .bind("area", a.locationPostcodeArea())
                .bind("groups", a.diagnosisGroups().stream().map(Enum::name).collect(Collectors.joining(",")))
                .bind("careLevel", a.careLevel().name())
                .bind("places", a.places())
                .bind("from", a.availableFrom())
                .bind("exclusions", a.exclusions() == null ? "" : String.join(",", a.exclusions()))
                .bind("occurredAt", occurredAt)
                .bind("now", now);
        spec = date(spec, "until", a.availableUntil());
        spec = text(spec, "offering", a.offeringId());
        spec = text(spec, "location", a.locationId());
        spec = integer(spec, "minAge", a.minAge());
        spec = integer(spec, "maxAge", a.maxAge());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    /**
     * Applies a line's new state when its version is newer. When places went up or the line opened
     * again, {@code places_freed_at} becomes the event's time. Emits the line's previous state, or
     * empty when the event was older or the line is not announced yet: then the state is kept in an
     * unannounced row (or that row moves to the newer state) until the announcement arrives.
     */
    public Mono<CapacityLineChanged.State> recordCapacityLineChanged(String region, CapacityLineChanged c,
            Instant occurredAt, Instant now) {
        var spec = db.sql("""
                        update capacity_line l set places_total = :total, places_left = :left, available_from = :from,
                            available_until = :until, state = :state, line_version = :version,
                            places_freed_at = case when :left > old.places_left or (:state = 'OPEN' and old.state <> 'OPEN')
                                then :occurredAt else old.places_freed_at end
                        from capacity_line old
                        where l.capacity_line_id = :id and old.capacity_line_id = l.capacity_line_id
                            and l.line_version < :version
                        returning old.state as previous_state, old.announced""")
                .bind("id", c.capacityLineId())
                .bind("total", c.placesTotal())
                .bind("left", c.placesLeft())
                .bind("from", c.availableFrom())
                .bind("state", c.state().name())
                .bind("version", c.version())
                .bind("occurredAt", occurredAt);
        spec = date(spec, "until", c.availableUntil());
        return spec.map(row -> Boolean.TRUE.equals(row.get("announced", Boolean.class))
                        ? java.util.Optional.of(CapacityLineChanged.State.valueOf(row.get("previous_state", String.class)))
                        : java.util.Optional.<CapacityLineChanged.State>empty())
                .one()
                .switchIfEmpty(Mono.defer(() -> keepUnannounced(region, c, occurredAt, now)
                        .thenReturn(java.util.Optional.empty())))
                .flatMap(Mono::justOrEmpty);
    }

    /** The line is unknown (or newer already): keep this state for when its announcement arrives. */
    private Mono<Void> keepUnannounced(String region, CapacityLineChanged c, Instant occurredAt, Instant now) {
        var spec = db.sql("""
                        insert into capacity_line (capacity_line_id, region, provider_agb, places_total, places_left,
                            available_from, available_until, state, line_version, places_freed_at, recorded_at, announced)
                        values (:id, :region, :provider, :total, :left, :from, :until, :state, :version, :occurredAt, :now,
                            false)
                        on conflict (capacity_line_id) do nothing""")
                .bind("id", c.capacityLineId())
                .bind("region", region)
                .bind("provider", c.providerAgb())
                .bind("total", c.placesTotal())
                .bind("left", c.placesLeft())
                .bind("from", c.availableFrom())
                .bind("state", c.state().name())
                .bind("version", c.version())
                .bind("occurredAt", occurredAt)
                .bind("now", now);
        spec = date(spec, "until", c.availableUntil());
        return spec.then();
    }

    /** What capacity-service answered on a reservation: fewer places are left than we may know yet. */
    public Mono<Void> lowerPlacesLeft(String capacityLineId, int placesLeft) {
        return db.sql("update capacity_line set places_left = least(places_left, :left) where capacity_line_id = :id")
                .bind("left", Math.max(0, placesLeft))
                .bind("id", capacityLineId)
                .then();
    }

    public Mono<Void> recordProvider(ProviderProfileChanged p) {
        var spec = db.sql("""
                        insert into provider_profile (provider_agb, name, provider_type, active, offerings, version)
                        values (:agb, :name, :type, :active, :offerings, :version)
                        on conflict (provider_agb) do update set name = excluded.name, provider_type = excluded.provider_type,
                            active = excluded.active, offerings = excluded.offerings, version = excluded.version
                        where provider_profile.version < excluded.version""")
                .bind("agb", p.providerAgb())
                .bind("active", p.active())
                .bind("offerings", EventJson.mapper().writeValueAsString(p.offerings() == null ? List.of() : p.offerings()))
                .bind("version", p.version());
        spec = text(spec, "name", p.name());
        spec = text(spec, "type", p.providerType());
        return spec.then();
    }

    /** Emits true when the new terms allow transfers (contracted, ceiling not reached) and were applied. */
    public Mono<Boolean> recordContract(ContractChanged c) {
        return db.sql("""
                        insert into insurer_contract (insurer_uzovi, provider_agb, contracted, ceiling_reached, version)
                        values (:insurer, :provider, :contracted, :ceiling, :version)
                        on conflict (insurer_uzovi, provider_agb) do update set contracted = excluded.contracted,
                            ceiling_reached = excluded.ceiling_reached, version = excluded.version
                        where insurer_contract.version < excluded.version""")
                .bind("insurer", c.insurerUzovi())
                .bind("provider", c.providerAgb())
                .bind("contracted", c.contracted())
                .bind("ceiling", c.ceilingReached())
                .bind("version", c.version())
                .fetch().rowsUpdated()
                .map(n -> n > 0 && c.contracted() && !c.ceilingReached());
    }

    /** Upserts a stop or pause; a change older than the one held (by the time it happened) is ignored. */
    public Mono<Void> recordRestriction(RegistrationRestrictionChanged r, Instant occurredAt) {
        var spec = db.sql("""
                        insert into registration_restriction (restriction_id, provider_agb, kind, diagnosis_group, active,
                            valid_from, valid_until, changed_at)
                        values (:id, :provider, :kind, :group, :active, :from, :until, :changedAt)
                        on conflict (restriction_id) do update set kind = excluded.kind,
                            diagnosis_group = excluded.diagnosis_group, active = excluded.active,
                            valid_from = excluded.valid_from, valid_until = excluded.valid_until,
                            changed_at = excluded.changed_at
                        where registration_restriction.changed_at <= excluded.changed_at""")
                .bind("id", r.restrictionId())
                .bind("changedAt", occurredAt)
                .bind("provider", r.providerAgb())
                .bind("kind", r.kind().name())
                .bind("active", r.active());
        spec = text(spec, "group", r.diagnosisGroup());
        spec = date(spec, "from", r.from());
        spec = date(spec, "until", r.until());
        return spec.then();
    }

    // ------------------------------------------------------------------ closures (issue 15)

    /**
     * Records a closure and its members once: the provider's clients in scope (diagnosis groups; every
     * group when none are named) that still wait or are in intake or treatment there. A redelivered
     * announcement adds nobody twice. Emits the regions of the members (each needs a new round).
     * A location closure takes in the clients of that location and those whose location nobody named (marked
     * {@code location_unknown}, shown as such in the case view rather than silently dropped).
     */
    public Flux<String> recordClosure(String region, ProviderClosureAnnounced c, Instant occurredAt, Instant now) {
        List<DiagnosisGroup> groups = c.diagnosisGroups() == null ? List.of() : c.diagnosisGroups();
        var closure = db.sql("""
                        insert into provider_closure (closure_id, region, provider_agb, location_id, diagnosis_groups,
                            end_date, handover_contact, announced_at, recorded_at)
                        values (:id, :region, :agb, :location, :groups, :end, :contact, :at, :now)
                        on conflict (closure_id) do nothing""")
                .bind("id", c.closureId())
                .bind("region", region)
                .bind("agb", c.providerAgb())
                .bind("groups", groups.stream().map(Enum::name).collect(Collectors.joining(",")))
                .bind("end", c.endDate())
                .bind("contact", c.handoverContact())
                .bind("at", occurredAt)
                .bind("now", now);
        closure = text(closure, "location", c.locationId());
        var members = db.sql("""
                        insert into closure_member (closure_id, referral_id, region, client_pseudonym, insurer_uzovi,
                            registered_on, in_treatment, location_unknown, joined_at)
                        select :id, referral_id, region, client_pseudonym, insurer_uzovi, registered_on,
                            -- a treatment that must move may have reached us (waiting again) before the closure did
                            coalesce(stage, 'WAITING') <> 'WAITING' or wait_counts_from is not null,
                            cast(:location as text) is not null and location_id is null, :now
                        from waiting_client
                        where current_provider_agb = :agb and has_referral
                          and coalesce(stage, 'WAITING') in ('WAITING', 'INTAKE_DONE', 'IN_TREATMENT')
                          and (cardinality(cast(:groups as text[])) = 0 or diagnosis_group = any(cast(:groups as text[])))
                          -- a location closure: that location's clients, and those whose location nobody named
                          and (cast(:location as text) is null or location_id is null or location_id = cast(:location as text))
                        on conflict (closure_id, referral_id) do nothing
                        returning region""")
                .bind("id", c.closureId())
                .bind("agb", c.providerAgb())
                .bind("groups", groups.stream().map(Enum::name).toArray(String[]::new))
                .bind("now", now);
        members = text(members, "location", c.locationId());
        Flux<String> regions = members.map(row -> row.get("region", String.class)).all();
        return closure.then().thenMany(regions).distinct();
    }

    /**
     * Late joiners (issue 15 item 2): a client placed at (or added to the list of) a closing provider after the
     * announcement, before the end date, joins the open closures of that provider it is in scope of, once: waiting,
     * in intake or in treatment there, as at the announcement. Called after each applied waiting entry and referral
     * (the referral completes the row). Emits whether it joined a case.
     */
    public Mono<Boolean> joinOpenClosures(String referralId, LocalDate today, Instant now) {
        return db.sql("""
                        insert into closure_member (closure_id, referral_id, region, client_pseudonym, insurer_uzovi,
                            registered_on, in_treatment, location_unknown, joined_at)
                        select c.closure_id, w.referral_id, w.region, w.client_pseudonym, w.insurer_uzovi, w.registered_on,
                            coalesce(w.stage, 'WAITING') <> 'WAITING' or w.wait_counts_from is not null,
                            c.location_id is not null and w.location_id is null, :now
                        from waiting_client w join provider_closure c on c.provider_agb = w.current_provider_agb
                        where w.referral_id = :id and w.has_referral
                          and (c.location_id is null or w.location_id is null or w.location_id = c.location_id)
                          and coalesce(w.stage, 'WAITING') in ('WAITING', 'INTAKE_DONE', 'IN_TREATMENT')
                          and c.end_date >= :today
                          and (c.diagnosis_groups = '' or w.diagnosis_group = any(string_to_array(c.diagnosis_groups, ',')))
                        on conflict (closure_id, referral_id) do nothing""")
                .bind("id", referralId)
                .bind("today", today)
                .bind("now", now)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /**
     * The region's clients (referral ids) of a closure case who wait now: those who waited when it was announced,
     * and those whose treatment must move once intake put them back on the waiting list (ADR 1431).
     */
    public Mono<Set<String>> inClosureCase(String region) {
        return db.sql("select distinct m.referral_id from closure_member m join waiting_client w"
                        + " on w.referral_id = m.referral_id where m.region = :region"
                        + " and coalesce(w.stage, 'WAITING') = 'WAITING'")
                .bind("region", region)
                .map(row -> row.get("referral_id", String.class))
                .all().collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------ reading for matching

    /**
     * The region's candidates for matching: one per person, with the latest waiting-entry snapshot.
     * <ul>
     *   <li>Only referrals whose waiting entry has arrived (item 2): until then the client's current
     *       provider is unknown, and the client could be proposed to the provider it already waits
     *       at. Referral and entry travel on different topics; the referral event carries no
     *       provider, so the client waits out of matching until its placement is known.</li>
     *   <li>One referral per client pseudonym (item 14): the same person referred twice is one
     *       candidate. The earliest registration still waiting represents them (it keeps the
     *       Treeknorm clock); ties go to the smaller referral id.</li>
     * </ul>
     */
    public Flux<WaitingClient> clients(String region) {
        // collate "C": the order of code points, which RegionCandidates reproduces in Java whatever the database's
        // collation (ADR 1160); the embedded PostgreSQL is initialised with locale C, so nothing moves there
        return db.sql("select * from (select distinct on (client_pseudonym) " + CLIENT_COLUMNS
                        + " from waiting_client where region = :region and " + CANDIDATE
                        + " order by client_pseudonym, coalesce(wait_counts_from, registered_on) nulls last,"
                        + " referral_id collate \"C\") candidate order by referral_id collate \"C\"")
                .bind("region", region)
                .map((Readable row) -> client(row))
                .all();
    }

    /** Which rows {@link #clients(String)} chooses from: a referral whose waiting entry arrived, still waiting. */
    private static final String CANDIDATE =
            "has_referral and entry_version is not null and coalesce(stage, 'WAITING') = 'WAITING'";

    /** One row read by {@link #candidateRows} or {@link #changedRows}; a row that is not a candidate has no client. */
    public record ClientRow(String referralId, WaitingClient client) {

        /** Whether the row is a candidate now; a row that is not is decoded no further than its id. */
        public boolean candidate() {
            return client != null;
        }
    }

    /**
     * Rows read at one database snapshot, and that snapshot ({@code pg_current_snapshot()} as text): the next
     * delta read takes every row whose writer this snapshot did not see (ADR 1160). {@code readerHasWritten}: the
     * reading transaction has written something, which it sees as if committed; such a read is not kept.
     */
    public record ClientRows(String snapshot, boolean readerHasWritten, List<ClientRow> rows) {
    }

    /** Every candidate row of the region (the first read of a region, and the periodic full read). */
    public Mono<ClientRows> candidateRows(String region) {
        return clientRows(db.sql(rowsAtSnapshot("region = :region and " + CANDIDATE)).bind("region", region));
    }

    /**
     * The region's rows written since a read: every row whose writing transaction that read's snapshot did not
     * see, committed since or still running then. Commit order does not matter: a writer that started before a
     * later one but commits after it is still invisible to the snapshot (V12). A row that stopped being a
     * candidate comes back with no client: rows are never deleted.
     */
    public Mono<ClientRows> changedRows(String region, String previousSnapshot) {
        // the first condition is the index range (no transaction older than the snapshot's xmin was running)
        return clientRows(db.sql(rowsAtSnapshot("region = :region"
                        + " and change_xid >= pg_snapshot_xmin(cast(:previous as pg_snapshot))"
                        + " and not pg_visible_in_snapshot(change_xid, cast(:previous as pg_snapshot))"))
                .bind("region", region)
                .bind("previous", previousSnapshot));
    }

    private static String rowsAtSnapshot(String where) {
        // one statement, so the snapshot returned is the one the rows were read at (READ COMMITTED takes one per
        // statement); the outer join returns the snapshot also when no row changed
        return "select s.snap, s.own, w.* from (select pg_current_snapshot()::text as snap,"
                + " pg_current_xact_id_if_assigned() is not null as own) s left join (select "
                + CLIENT_COLUMNS + ", (" + CANDIDATE + ") as candidate from waiting_client where " + where
                + ") w on true";
    }

    private Mono<ClientRows> clientRows(DatabaseClient.GenericExecuteSpec spec) {
        // every result row carries the snapshot; a row with no referral: nothing changed
        return spec.map((Readable row) -> new ClientRows(row.get("snap", String.class),
                        Boolean.TRUE.equals(row.get("own", Boolean.class)),
                        row.get("referral_id", String.class) == null ? List.of()
                                : List.of(new ClientRow(row.get("referral_id", String.class),
                                        Boolean.TRUE.equals(row.get("candidate", Boolean.class)) ? client(row) : null))))
                .all()
                .collectList()
                .map(read -> new ClientRows(read.get(0).snapshot(), read.get(0).readerHasWritten(),
                        read.stream().flatMap(r -> r.rows().stream()).toList()));
    }

    public Mono<WaitingClient> client(String referralId) {
        return db.sql("select " + CLIENT_COLUMNS + " from waiting_client where referral_id = :id and has_referral")
                .bind("id", referralId)
                .map((Readable row) -> client(row))
                .one();
    }

    /** The waiting clients of these referrals, by referral id, in one statement (issue 10: lists, not one per item). */
    public Mono<Map<String, WaitingClient>> clients(Collection<String> referralIds) {
        if (referralIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select " + CLIENT_COLUMNS + " from waiting_client where referral_id = any(:ids) and has_referral")
                .bind("ids", referralIds.stream().distinct().toArray(String[]::new))
                .map((Readable row) -> client(row))
                .all()
                .collectMap(WaitingClient::referralId);
    }

    /** Whether the client's waiting entry (and so its current provider, or that it has none) has arrived. */
    public Mono<Boolean> placementKnown(String referralId) {
        return db.sql("select entry_version is not null as known from waiting_client where referral_id = :id")
                .bind("id", referralId)
                .map(row -> Boolean.TRUE.equals(row.get("known", Boolean.class)))
                .one()
                .defaultIfEmpty(false);
    }

    // ------------------------------------------------------------------ client support (item 6)

    /** Records the client-support organisation a client named for a referral (normalised); the newest change wins. */
    public Mono<Void> recordClientSupport(String referralId, String clientPseudonym, String normalisedOrganisation,
            Instant changedAt) {
        var spec = db.sql("""
                        insert into client_support (referral_id, client_pseudonym, support_organisation, changed_at)
                        values (:id, :pseudonym, :organisation, :at)
                        on conflict (referral_id) do update set support_organisation = excluded.support_organisation,
                            client_pseudonym = excluded.client_pseudonym, changed_at = excluded.changed_at
                        where client_support.changed_at <= excluded.changed_at""")
                .bind("id", referralId)
                .bind("pseudonym", clientPseudonym)
                .bind("at", changedAt);
        return text(spec, "organisation", normalisedOrganisation).then();
    }

    /** The normalised client-support organisation of a referral; empty when none was named. */
    public Mono<String> clientSupport(String referralId) {
        return db.sql("select support_organisation from client_support where referral_id = :id")
                .bind("id", referralId)
                .map(row -> java.util.Optional.ofNullable(row.get("support_organisation", String.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    /** The normalised client-support organisations named for these referrals, by referral id (none: absent). */
    public Mono<Map<String, String>> clientSupports(Collection<String> referralIds) {
        if (referralIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select referral_id, support_organisation from client_support where referral_id = any(:ids)"
                        + " and support_organisation is not null")
                .bind("ids", referralIds.stream().distinct().toArray(String[]::new))
                .map(row -> Map.entry(row.get("referral_id", String.class), row.get("support_organisation", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    // ------------------------------------------------------------------ referrer link (item 7)

    /** Records whether the practice named as referrer confirmed the link; the newest change wins. */
    public Mono<Void> recordReferrerLink(String referralId, String clientPseudonym, String referrerAgb,
            boolean confirmed, Instant changedAt) {
        return db.sql("""
                        insert into referrer_link (referral_id, client_pseudonym, referrer_agb, confirmed, changed_at)
                        values (:id, :pseudonym, :referrer, :confirmed, :at)
                        on conflict (referral_id) do update set confirmed = excluded.confirmed,
                            client_pseudonym = excluded.client_pseudonym, referrer_agb = excluded.referrer_agb,
                            changed_at = excluded.changed_at
                        where referrer_link.changed_at <= excluded.changed_at""")
                .bind("id", referralId)
                .bind("pseudonym", clientPseudonym)
                .bind("referrer", referrerAgb)
                .bind("confirmed", confirmed)
                .bind("at", changedAt)
                .then();
    }

    /** Whether the referral's referrer confirmed the link: true unless intake announced it unconfirmed. */
    public Mono<Boolean> referrerConfirmed(String referralId) {
        return db.sql("select confirmed from referrer_link where referral_id = :id")
                .bind("id", referralId)
                .map(row -> Boolean.TRUE.equals(row.get("confirmed", Boolean.class)))
                .one()
                .defaultIfEmpty(true);
    }

    /** Of these referrals, those whose referrer link intake announced unconfirmed (the others are confirmed). */
    public Mono<Set<String>> referrersUnconfirmed(Collection<String> referralIds) {
        if (referralIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("select referral_id from referrer_link where referral_id = any(:ids) and confirmed is not true")
                .bind("ids", referralIds.stream().distinct().toArray(String[]::new))
                .map(row -> row.get("referral_id", String.class))
                .all()
                .collect(Collectors.toSet());
    }

    /** Regions that have waiting clients (for the scheduled full round). */
    public Flux<String> regions() {
        return db.sql("select distinct region from waiting_client where has_referral order by region")
                .map(row -> row.get("region", String.class))
                .all();
    }

    /**
     * Which lines a read covers: the region's announced lines, or (for the out-of-region pass, ADR 1430) the open
     * lines with free places of every other region. The read model holds every region's lines: the consumer of
     * {@code capacity.events} reads all partitions.
     */
    private static String lineScope(boolean outside) {
        return outside ? "region <> :region and announced and state = 'OPEN' and places_left > 0"
                : "region = :region and announced";
    }

    /** The region's capacity lines, completed with the provider's registry record where the line lacks detail. */
    public Mono<List<CapacityLine>> lines(String region) {
        return lines(region, false);
    }

    /** The open lines with free places of every region but this one (the out-of-region pass, ADR 1430). */
    public Mono<List<CapacityLine>> linesOutside(String region) {
        return lines(region, true);
    }

    private Mono<List<CapacityLine>> lines(String region, boolean outside) {
        String scope = lineScope(outside);
        Mono<Map<String, Profile>> profiles = db.sql("""
                        select p.provider_agb, p.name, p.active, p.offerings from provider_profile p
                        where p.provider_agb in (select provider_agb from capacity_line where""" + " " + scope + ")")
                .bind("region", region)
                .map(row -> new Profile(row.get("provider_agb", String.class), row.get("name", String.class),
                        Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("offerings", String.class)))
                .all()
                .collectMap(Profile::agb);
        return profiles.flatMap(byAgb -> db.sql("""
                                select capacity_line_id, region, provider_agb, provider_type, postcode_area, diagnosis_groups,
                                    care_level, places_left, available_from, available_until, offering_id, min_age, max_age,
                                    exclusions, state, places_freed_at
                                from capacity_line where""" + " " + scope + " order by capacity_line_id")
                        .bind("region", region)
                        .map(row -> line(row, byAgb))
                        .all()
                        .collectList());
    }

    public Mono<CapacityLine> line(String capacityLineId) {
        return db.sql("select region from capacity_line where capacity_line_id = :id and announced")
                .bind("id", capacityLineId)
                .map(row -> row.get("region", String.class))
                .one()
                .flatMap(region -> lines(region).flatMap(all -> Mono.justOrEmpty(all.stream()
                        .filter(l -> l.capacityLineId().equals(capacityLineId)).findFirst())));
    }

    /** Contracts of the insurers with the providers that have capacity in the region. */
    public Mono<Map<String, ContractTerms>> contracts(String region) {
        return contracts(region, false);
    }

    /** Contracts with the providers of the out-of-region pass's lines (ADR 1430). */
    public Mono<Map<String, ContractTerms>> contractsOutside(String region) {
        return contracts(region, true);
    }

    private Mono<Map<String, ContractTerms>> contracts(String region, boolean outside) {
        return db.sql("""
                        select insurer_uzovi, provider_agb, contracted, ceiling_reached from insurer_contract
                        where provider_agb in (select provider_agb from capacity_line where""" + " "
                        + lineScope(outside) + ")")
                .bind("region", region)
                .map(row -> new ContractTerms(row.get("insurer_uzovi", String.class), row.get("provider_agb", String.class),
                        Boolean.TRUE.equals(row.get("contracted", Boolean.class)),
                        Boolean.TRUE.equals(row.get("ceiling_reached", Boolean.class))))
                .all()
                .collectMap(t -> ContractTerms.key(t.insurerUzovi(), t.providerAgb()));
    }

    public Mono<Map<String, List<RegistrationRestriction>>> restrictions(String region) {
        return restrictions(region, false);
    }

    /** Stops and pauses of the providers of the out-of-region pass's lines (ADR 1430). */
    public Mono<Map<String, List<RegistrationRestriction>>> restrictionsOutside(String region) {
        return restrictions(region, true);
    }

    private Mono<Map<String, List<RegistrationRestriction>>> restrictions(String region, boolean outside) {
        return db.sql("""
                        select provider_agb, kind, diagnosis_group, valid_from, valid_until from registration_restriction
                        where active and provider_agb in (select provider_agb from capacity_line where""" + " "
                        + lineScope(outside) + ")")
                .bind("region", region)
                .map(row -> new RegistrationRestriction(row.get("provider_agb", String.class),
                        enumOf(row, "kind", RegistrationRestrictionChanged.Kind.class),
                        enumOf(row, "diagnosis_group", DiagnosisGroup.class),
                        row.get("valid_from", LocalDate.class), row.get("valid_until", LocalDate.class)))
                .all()
                .collectMultimap(RegistrationRestriction::providerAgb)
                .map(multi -> {
                    Map<String, List<RegistrationRestriction>> result = new HashMap<>();
                    multi.forEach((agb, list) -> result.put(agb, List.copyOf(list)));
                    return result;
                });
    }

    public Mono<String> providerName(String providerAgb) {
        return db.sql("select name from provider_profile where provider_agb = :agb")
                .bind("agb", providerAgb)
                .map(row -> row.get("name", String.class))
                .one();
    }

    // ------------------------------------------------------------------ views for the API

    public Flux<WaitingClientView> waitingClients(String region) {
        return db.sql("""
                        select w.referral_id, w.client_pseudonym, w.age_band, w.diagnosis_group, w.care_level, w.urgency,
                            w.registered_on, w.current_provider_agb, w.waiting_status, w.stage, w.stale, w.screening_consent,
                            w.treeknorm_level
                        from waiting_client w where w.region = :region and w.has_referral
                        order by w.registered_on, w.referral_id""")
                .bind("region", region)
                .map(row -> new WaitingClientView(row.get("referral_id", String.class),
                        row.get("client_pseudonym", String.class), row.get("age_band", String.class),
                        row.get("diagnosis_group", String.class), row.get("care_level", String.class),
                        row.get("urgency", String.class), row.get("registered_on", LocalDate.class),
                        row.get("current_provider_agb", String.class), row.get("waiting_status", String.class),
                        row.get("stage", String.class), Boolean.TRUE.equals(row.get("stale", Boolean.class)),
                        Boolean.TRUE.equals(row.get("screening_consent", Boolean.class)),
                        row.get("treeknorm_level", String.class)))
                .all();
    }

    public Flux<CapacityLineView> capacityLines(String region) {
        return db.sql("""
                        select capacity_line_id, provider_agb, provider_type, postcode_area, diagnosis_groups, care_level,
                            places_total, places_left, available_from, available_until, state
                        from capacity_line where region = :region and announced order by available_from, capacity_line_id""")
                .bind("region", region)
                .map(row -> new CapacityLineView(row.get("capacity_line_id", String.class),
                        row.get("provider_agb", String.class), row.get("provider_type", String.class),
                        row.get("postcode_area", String.class), row.get("diagnosis_groups", String.class),
                        row.get("care_level", String.class), row.get("places_total", Integer.class),
                        row.get("places_left", Integer.class), row.get("available_from", LocalDate.class),
                        row.get("available_until", LocalDate.class), row.get("state", String.class)))
                .all();
    }

    public record WaitingClientView(String referralId, String clientPseudonym, String ageBand, String diagnosisGroup,
            String careLevel, String urgency, LocalDate registeredOn, String currentProviderAgb, String waitingStatus,
            String stage, boolean stale, boolean screeningConsent, String treeknormSignal) {
    }

    public record CapacityLineView(String capacityLineId, String providerAgb, String providerType, String postcodeArea,
            String diagnosisGroups, String careLevel, int places, int placesLeft, LocalDate availableFrom,
            LocalDate availableUntil, String state) {
    }

    // ------------------------------------------------------------------ mapping

    private record Profile(String agb, String name, boolean active, String offeringsJson) {
        ProviderProfileChanged.Offering offering(String offeringId) {
            if (offeringId == null || offeringsJson == null) {
                return null;
            }
            List<ProviderProfileChanged.Offering> offerings = EventJson.mapper().readValue(offeringsJson,
                    new TypeReference<List<ProviderProfileChanged.Offering>>() { });
            return offerings.stream().filter(o -> offeringId.equals(o.offeringId())).findFirst().orElse(null);
        }
    }

    static WaitingClient client(Readable row) {
        return new WaitingClient(row.get("referral_id", String.class), row.get("region", String.class),
                row.get("client_pseudonym", String.class), row.get("referrer_agb", String.class),
                row.get("postcode_area", String.class), row.get("age_band", String.class),
                enumOf(row, "diagnosis_group", DiagnosisGroup.class), enumOf(row, "care_level", CareLevel.class),
                enumOf(row, "urgency", Urgency.class), row.get("insurer_uzovi", String.class),
                row.get("registered_on", LocalDate.class), row.get("max_travel_km", Integer.class),
                Boolean.TRUE.equals(row.get("e_health_ok", Boolean.class)),
                Boolean.TRUE.equals(row.get("wait_for_preferred", Boolean.class)),
                row.get("preferred_provider_agb", String.class),
                Boolean.TRUE.equals(row.get("screening_consent", Boolean.class)),
                row.get("current_provider_agb", String.class), enumOf(row, "waiting_status", WaitingStatus.class),
                enumOf(row, "stage", WaitingEntryChanged.Stage.class), Boolean.TRUE.equals(row.get("stale", Boolean.class)));
    }

    private static CapacityLine line(Readable row, Map<String, Profile> profiles) {
        String agb = row.get("provider_agb", String.class);
        Profile profile = profiles.get(agb);
        Integer minAge = row.get("min_age", Integer.class);
        Integer maxAge = row.get("max_age", Integer.class);
        Set<String> exclusions = split(row.get("exclusions", String.class));
        ProviderProfileChanged.Offering offering = profile == null ? null : profile.offering(row.get("offering_id", String.class));
        if (offering != null) {
            minAge = minAge != null ? minAge : Integer.valueOf(offering.minAge());
            maxAge = maxAge != null ? maxAge : Integer.valueOf(offering.maxAge());
            if (exclusions.isEmpty() && offering.exclusions() != null) {
                exclusions = Set.copyOf(offering.exclusions());
            }
        }
        Set<DiagnosisGroup> groups = EnumSet.noneOf(DiagnosisGroup.class);
        for (String group : split(row.get("diagnosis_groups", String.class))) {
            groups.add(DiagnosisGroup.valueOf(group));
        }
        return new CapacityLine(row.get("capacity_line_id", String.class), row.get("region", String.class), agb,
                profile == null ? null : profile.name(), ProviderType.valueOf(row.get("provider_type", String.class)),
                row.get("postcode_area", String.class), groups, CareLevel.valueOf(row.get("care_level", String.class)),
                row.get("places_left", Integer.class), row.get("available_from", LocalDate.class),
                row.get("available_until", LocalDate.class), minAge, maxAge, exclusions,
                CapacityLineChanged.State.valueOf(row.get("state", String.class)), profile == null || profile.active(),
                instant(row, "places_freed_at"));
    }

    private static Set<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(new ArrayList<>(Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()));
    }
}
