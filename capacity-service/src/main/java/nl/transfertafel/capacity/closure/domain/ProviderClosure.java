package nl.transfertafel.capacity.closure.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Events;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.common.domain.PlausibleDates;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.contracts.events.capacity.ProviderClosureAnnounced;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * A provider closes a location or stops a care programme (issue 15 item 2; the seed letters on
 * closures of ggz institutions and continuity of care). Announcing it ends the provider's capacity
 * lines in scope at once (a client transferred there would have to move again) and sets a
 * registration stop from the end date, through the existing stop/pause model ({@code
 * RegistrationRestriction}, the shared {@code StopOrPause} rule), so a referral meeting it goes to the
 * transfer table. The transfer table turns the event into a bulk transfer case.
 */
public record ProviderClosure(
        UUID id,
        String providerAgb,
        String region,
        UUID locationId,
        List<DiagnosisGroup> diagnosisGroups,
        LocalDate endDate,
        String handoverContact,
        String announcedBy,
        Instant announcedAt,
        List<UUID> withdrawnLines) {

    public static final int MAX_CONTACT_LENGTH = 200;

    public ProviderClosure {
        diagnosisGroups = List.copyOf(diagnosisGroups);
        withdrawnLines = List.copyOf(withdrawnLines);
    }

    /**
     * Decides the announcement ({@link ClosureAuthority} says who may); {@code existing} are the provider's
     * closures announced before: one that already covers the same place and a group of this one makes
     * this a duplicate (409 {@code closure-exists}). The lines it ends are decided by each line itself.
     */
    public static Outcome<ProviderClosure> announce(AnnounceClosure command, Provider provider, Acting acting,
            String actorRegion, boolean coordinator, List<ProviderClosure> existing, Clock clock) {
        LocalDate today = Today.of(clock);
        Decision decision = ClosureAuthority.mayAnnounce(acting, provider, actorRegion, coordinator)
                .and(() -> provider.active() ? Decision.allow()
                        : Decision.refuse(Refusal.conflict("provider-inactive", "provider " + provider.agb()
                                + " is not active; its capacity is already withdrawn")))
                .and(() -> command.endDate() != null ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("endDate", "NotNull", "must not be null")))
                .and(() -> !command.endDate().isBefore(today) ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("endDate", "not-in-past", "must not be in the past")))
                .and(() -> PlausibleDates.notTooFarAhead("endDate", command.endDate(), today))
                .and(() -> command.handoverContact() != null && !command.handoverContact().isBlank()
                        ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("handoverContact", "NotBlank",
                                "name the organisation's contact for the warm handover")))
                .and(() -> command.handoverContact().trim().length() <= MAX_CONTACT_LENGTH ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("handoverContact", "Size",
                                "must be at most " + MAX_CONTACT_LENGTH + " characters")))
                .and(() -> command.locationId() == null || provider.location(command.locationId()).isPresent()
                        ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("locationId", "known-location",
                                "name one of this provider's locations, or leave it out for the whole provider")))
                .and(() -> existing.stream().filter(other -> other.overlaps(command)).findFirst()
                        .map(other -> Decision.refuse(Refusal.conflict("closure-exists", "closure " + other.id()
                                + " of provider " + provider.agb() + " already covers this location and programme")))
                        .orElse(Decision.allow()));
        if (decision.refusal().isPresent()) {
            return Outcome.rejected(decision.refusal().get());
        }
        return Outcome.done(new ProviderClosure(UUID.randomUUID(), provider.agb(), provider.region(),
                command.locationId(), command.diagnosisGroups(), command.endDate(), command.handoverContact().trim(),
                acting.organisation(), clock.instant(), List.of()), List.of());
    }

    /** Does an announcement cover some of this closure's scope (a place in common and a group in common)? */
    boolean overlaps(AnnounceClosure other) {
        boolean place = locationId == null || other.locationId() == null || locationId.equals(other.locationId());
        boolean programme = diagnosisGroups.isEmpty() || other.diagnosisGroups().isEmpty()
                || other.diagnosisGroups().stream().anyMatch(diagnosisGroups::contains);
        return place && programme;
    }

    /** Does a capacity line at this location offering these groups fall in the closure's scope? */
    public boolean covers(UUID lineLocationId, List<DiagnosisGroup> lineGroups) {
        boolean place = locationId == null || locationId.equals(lineLocationId);
        boolean programme = diagnosisGroups.isEmpty() || lineGroups.stream().anyMatch(diagnosisGroups::contains);
        return place && programme;
    }

    /**
     * Whether new registrations in scope must meet a stop from the end date. A provider that keeps
     * other locations still takes registrations there: a stop is per provider and group, not per
     * location, so closing one of several locations sets none.
     */
    public boolean stopsRegistrations(Provider provider) {
        return locationId == null || provider.locations().stream().allMatch(l -> l.id().equals(locationId));
    }

    /** The groups a stop is set for: each group in scope, or null (every group) for the whole provider. */
    public List<DiagnosisGroup> stopGroups() {
        return diagnosisGroups.isEmpty() ? java.util.Collections.singletonList(null) : diagnosisGroups;
    }

    public ProviderClosure withWithdrawnLines(List<UUID> lines) {
        return new ProviderClosure(id, providerAgb, region, locationId, diagnosisGroups, endDate, handoverContact,
                announcedBy, announcedAt, lines);
    }

    public nl.transfertafel.contracts.events.NewEvent announced(Clock clock) {
        return Events.event(clock, region, id.toString(), new ProviderClosureAnnounced(id.toString(), providerAgb,
                locationId == null ? null : locationId.toString(), diagnosisGroups, endDate, handoverContact,
                withdrawnLines.stream().map(UUID::toString).toList()));
    }
}
