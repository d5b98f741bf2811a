package nl.transfertafel.capacity.announcement.domain;

import static nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State.EXPIRED;
import static nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State.FULL;
import static nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State.OPEN;
import static nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State.STALE;
import static nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State.WITHDRAWN;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Codes;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Events;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.capacity.registry.domain.ProviderAuthority;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged.Change;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/**
 * A capacity line: free intake places a provider announced for one offering at one location, with
 * the offering's terms copied in so matching never needs the registry. Its lifecycle is the state
 * machine in {@link LineLifecycle}; the places left drop when a reservation takes one and come back
 * when it is released or expires.
 */
public record CapacityLine(
        UUID id,
        String providerAgb,
        ProviderType providerType,
        String region,
        UUID locationId,
        String postcodeArea,
        UUID offeringId,
        List<DiagnosisGroup> diagnosisGroups,
        CareLevel careLevel,
        Integer minAge,
        Integer maxAge,
        List<ExclusionCriterion> exclusions,
        int placesTotal,
        int placesLeft,
        LocalDate availableFrom,
        LocalDate availableUntil,
        State state,
        Instant announcedAt,
        Instant confirmedAt,
        long version) {

    public CapacityLine {
        diagnosisGroups = List.copyOf(diagnosisGroups);
        exclusions = List.copyOf(exclusions);
    }

    public int placesTaken() {
        return placesTotal - placesLeft;
    }

    /**
     * Announces free places. {@code registered} is the provider's registry record, or null when the
     * provider is not registered; {@code actorRegion} is the region in the announcer's token (used by
     * the minimal form only).
     */
    public static Outcome<CapacityLine> announce(AnnounceCapacity command, Acting acting, String actorRegion,
            Provider registered, Clock clock) {
        String agb = command.providerAgb() != null ? command.providerAgb() : acting.organisation();
        Optional<Refusal> badAgb = Codes.agb("providerAgb", agb);
        if (badAgb.isPresent()) {
            return Outcome.rejected(badAgb.get());
        }
        Decision decision = ProviderAuthority.mayActFor(acting, agb, registered)
                .and(() -> registered != null && !registered.active()
                        ? Decision.refuse(Refusal.conflict("provider-inactive", "provider " + agb + " is not active"))
                        : Decision.allow())
                .and(() -> AnnouncementRules.period(command.availableFrom(), command.availableUntil(),
                        command.availableFrom(), command.availableUntil(), Today.of(clock)))
                .and(() -> command.places() >= 1 ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("places", "Min", "must be at least 1")));
        if (decision.refusal().isPresent()) {
            return Outcome.rejected(decision.refusal().get());
        }
        Instant now = clock.instant();
        CapacityLine line;
        if (command.registeredForm()) {
            Outcome<AnnouncementRules.Terms> terms = AnnouncementRules.registeredTerms(command, agb, registered);
            if (terms instanceof Outcome.Rejected<AnnouncementRules.Terms> rejected) {
                return Outcome.rejected(rejected.refusal());
            }
            AnnouncementRules.Terms t = ((Outcome.Done<AnnouncementRules.Terms>) terms).state();
            line = new CapacityLine(UUID.randomUUID(), agb, registered.type(), t.location().region(),
                    t.location().id(), t.location().postcodeArea(), t.offering().id(), t.diagnosisGroups(),
                    t.offering().careLevel(), t.offering().minAge(), t.offering().maxAge(), t.offering().exclusions(),
                    command.places(), command.places(), command.availableFrom(), command.availableUntil(), OPEN, now, now,
                    0);
        } else {
            Decision minimal = AnnouncementRules.minimalForm(command, agb, acting, actorRegion, registered);
            if (minimal.refusal().isPresent()) {
                return Outcome.rejected(minimal.refusal().get());
            }
            line = new CapacityLine(UUID.randomUUID(), agb, command.providerType(), actorRegion, null,
                    Provider.normalisePostcode(command.locationPostcode()).substring(0, 4), null,
                    List.copyOf(new java.util.LinkedHashSet<>(command.diagnosisGroups())), command.careLevel(), null, null,
                    List.of(), command.places(), command.places(), command.availableFrom(), command.availableUntil(), OPEN,
                    now, now, 0);
        }
        return Outcome.done(line, Events.event(clock, line.region, line.id.toString(), line.announced()));
    }

    /** Changes the places and/or the period; a correction also confirms the line. */
    public Outcome<CapacityLine> correct(CorrectCapacity correction, Clock clock) {
        LocalDate today = Today.of(clock);
        int places = correction.places() != null ? correction.places() : placesTotal;
        LocalDate from = correction.availableFrom() != null ? correction.availableFrom() : availableFrom;
        LocalDate until = correction.availableUntil() != null ? correction.availableUntil() : availableUntil;
        Decision decision = LineLifecycle.allows(this, Change.CORRECTED, today)
                .and(() -> expectVersion(correction.expectedVersion()))
                .and(() -> places >= 1 ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("places", "Min", "must be at least 1")))
                .and(() -> places >= placesTaken() ? Decision.allow()
                        : Decision.refuse(Refusal.conflict("places-below-reserved", placesTaken()
                                + " place(s) of this line are reserved; the line cannot have fewer places")))
                .and(() -> AnnouncementRules.period(from, until, correction.availableFrom(),
                        correction.availableUntil(), today));
        if (decision.refusal().isPresent()) {
            return Outcome.rejected(decision.refusal().get());
        }
        int left = places - placesTaken();
        CapacityLine changed = with(places, left, from, until, left == 0 ? FULL : OPEN, clock.instant(), version + 1);
        return Outcome.done(changed, changed.changedEvent(Change.CORRECTED, clock));
    }

    /** The provider says the places are still there; a stale line comes back into matching. */
    public Outcome<CapacityLine> confirm(Clock clock) {
        Decision decision = LineLifecycle.allows(this, Change.CONFIRMED, Today.of(clock));
        if (decision.refusal().isPresent()) {
            return Outcome.rejected(decision.refusal().get());
        }
        CapacityLine changed = with(placesTotal, placesLeft, availableFrom, availableUntil,
                placesLeft == 0 ? FULL : OPEN, clock.instant(), version + 1);
        return Outcome.done(changed, changed.changedEvent(Change.CONFIRMED, clock));
    }

    /** Withdrawn lines take no reservations; places already held stay held. Repeating it changes nothing. */
    public Outcome<CapacityLine> withdraw(Clock clock) {
        if (state == WITHDRAWN) {
            return Outcome.unchanged(this);
        }
        Decision decision = LineLifecycle.allows(this, Change.WITHDRAWN, Today.of(clock));
        if (decision.refusal().isPresent()) {
            return Outcome.rejected(decision.refusal().get());
        }
        CapacityLine changed = with(placesTotal, placesLeft, availableFrom, availableUntil, WITHDRAWN, confirmedAt,
                version + 1);
        return Outcome.done(changed, changed.changedEvent(Change.WITHDRAWN, clock));
    }

    /** After its last day a line expires (housekeeping job). */
    public Outcome<CapacityLine> expireIfOver(Clock clock) {
        if (!LineLifecycle.isLive(state) || availableUntil == null || !availableUntil.isBefore(Today.of(clock))) {
            return Outcome.unchanged(this);
        }
        CapacityLine changed = with(placesTotal, placesLeft, availableFrom, availableUntil, EXPIRED, confirmedAt,
                version + 1);
        return Outcome.done(changed, changed.changedEvent(Change.EXPIRED, clock));
    }

    /** A line not confirmed for {@code staleAfter} is stale: out of matching until the provider confirms it. */
    public Outcome<CapacityLine> markStaleIfUnconfirmed(Duration staleAfter, Clock clock) {
        if ((state != OPEN && state != FULL) || clock.instant().isBefore(confirmedAt.plus(staleAfter))) {
            return Outcome.unchanged(this);
        }
        CapacityLine changed = with(placesTotal, placesLeft, availableFrom, availableUntil, STALE, confirmedAt,
                version + 1);
        return Outcome.done(changed, changed.changedEvent(Change.STALE, clock));
    }

    /** A reservation takes one place: only from an open line with a place left ({@link LineOpenPolicy}). */
    public Outcome<CapacityLine> takePlace(Clock clock) {
        Decision decision = LineOpenPolicy.reservable(this, Today.of(clock));
        if (decision.refusal().isPresent()) {
            return Outcome.rejected(decision.refusal().get());
        }
        int left = placesLeft - 1;
        CapacityLine changed = with(placesTotal, left, availableFrom, availableUntil, left == 0 ? FULL : OPEN,
                confirmedAt, version + 1);
        return Outcome.done(changed, changed.changedEvent(Change.RESERVED, clock));
    }

    /** A released or expired reservation gives its place back (a full line opens again; a closed one stays closed). */
    public Outcome<CapacityLine> returnPlace(Clock clock) {
        if (placesLeft >= placesTotal) {
            return Outcome.unchanged(this);
        }
        CapacityLine changed = with(placesTotal, placesLeft + 1, availableFrom, availableUntil,
                state == FULL ? OPEN : state, confirmedAt, version + 1);
        return Outcome.done(changed, changed.changedEvent(Change.RELEASED, clock));
    }

    private Decision expectVersion(Long expected) {
        return expected == null || expected == version ? Decision.allow()
                : Decision.refuse(Refusal.conflict("version-conflict",
                        "the line changed meanwhile (now version " + version + "); read it again and retry"));
    }

    private CapacityLine with(int total, int left, LocalDate from, LocalDate until, State newState, Instant confirmed,
            long newVersion) {
        return new CapacityLine(id, providerAgb, providerType, region, locationId, postcodeArea, offeringId,
                diagnosisGroups, careLevel, minAge, maxAge, exclusions, total, left, from, until, newState, announcedAt,
                confirmed, newVersion);
    }

    private CapacityAnnounced announced() {
        return new CapacityAnnounced(id.toString(), providerAgb, providerType, postcodeArea, diagnosisGroups, careLevel,
                placesTotal, availableFrom, availableUntil, offeringId == null ? null : offeringId.toString(),
                locationId == null ? null : locationId.toString(), minAge, maxAge,
                exclusions.stream().map(Enum::name).toList());
    }

    public CapacityLineChanged snapshot(Change change) {
        return new CapacityLineChanged(id.toString(), providerAgb, placesTotal, placesLeft, availableFrom, availableUntil,
                state, change, Today.of(confirmedAt), version);
    }

    private NewEvent changedEvent(Change change, Clock clock) {
        return Events.event(clock, region, id.toString(), snapshot(change));
    }

    /** All the line's events, for callers that combine several changes in one transaction. */
    public static List<NewEvent> concat(List<NewEvent> first, List<NewEvent> second) {
        List<NewEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
