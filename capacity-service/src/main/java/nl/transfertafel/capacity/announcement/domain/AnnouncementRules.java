package nl.transfertafel.capacity.announcement.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.common.domain.PlausibleDates;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/** The rules an announcement must meet, in either form. */
public final class AnnouncementRules {

    private AnnouncementRules() {
    }

    /** What a registered-form announcement resolves to. */
    public record Terms(Provider.Location location, Provider.Offering offering, List<DiagnosisGroup> diagnosisGroups) {
    }

    /**
     * The period: until (when given) not before from, and not already over; and the dates sent now
     * ({@code sentFrom}, {@code sentUntil}; null = not sent, as in a correction that keeps them)
     * within {@link PlausibleDates}' bounds. A date already stored is not checked again, so a line
     * announced months ago can still be corrected.
     */
    public static Decision period(LocalDate from, LocalDate until, LocalDate sentFrom, LocalDate sentUntil,
            LocalDate today) {
        if (from == null) {
            return Decision.refuse(Refusal.invalid("availableFrom", "NotNull", "must not be null"));
        }
        Decision plausible = PlausibleDates.notLongPast("availableFrom", sentFrom, today)
                .and(() -> PlausibleDates.notTooFarAhead("availableFrom", sentFrom, today))
                .and(() -> PlausibleDates.notTooFarAhead("availableUntil", sentUntil, today));
        if (!plausible.isAllowed()) {
            return plausible;
        }
        if (until != null && until.isBefore(from)) {
            return Decision.refuse(Refusal.invalid("availableUntil", "not-before-from", "must not be before availableFrom"));
        }
        if (until != null && until.isBefore(today)) {
            return Decision.refuse(Refusal.invalid("availableUntil", "not-in-past", "must not be in the past"));
        }
        return Decision.allow();
    }

    /**
     * The registered form names a location and an offering of the registered provider; inline fields,
     * when sent as well, must agree with the registry (diagnosis groups may narrow the offering's).
     */
    public static Outcome<Terms> registeredTerms(AnnounceCapacity command, String agb, Provider registered) {
        if (command.locationId() == null) {
            return Outcome.rejected(Refusal.invalid("locationId", "NotNull", "needed together with offeringId"));
        }
        if (command.offeringId() == null) {
            return Outcome.rejected(Refusal.invalid("offeringId", "NotNull", "needed together with locationId"));
        }
        if (registered == null) {
            return Outcome.rejected(Refusal.notFound("provider " + agb + " in the registry"));
        }
        var location = registered.location(command.locationId());
        if (location.isEmpty()) {
            return Outcome.rejected(Refusal.invalid("locationId", "known-location",
                    "is not a location of provider " + agb));
        }
        var offering = registered.offering(command.offeringId());
        if (offering.isEmpty()) {
            return Outcome.rejected(Refusal.invalid("offeringId", "known-offering",
                    "is not an offering of provider " + agb));
        }
        if (command.providerType() != null && command.providerType() != registered.type()) {
            return Outcome.rejected(Refusal.invalid("providerType", "registry-mismatch",
                    "differs from the registered type " + registered.type()));
        }
        if (command.careLevel() != null && command.careLevel() != offering.get().careLevel()) {
            return Outcome.rejected(Refusal.invalid("careLevel", "within-offering",
                    "differs from the offering's care level " + offering.get().careLevel()));
        }
        if (command.locationPostcode() != null
                && !Provider.normalisePostcode(command.locationPostcode()).equals(location.get().postcode())) {
            return Outcome.rejected(Refusal.invalid("locationPostcode", "registry-mismatch",
                    "differs from the registered location's postcode"));
        }
        List<DiagnosisGroup> groups = offering.get().diagnosisGroups();
        if (command.diagnosisGroups() != null && !command.diagnosisGroups().isEmpty()) {
            if (!offering.get().covers(command.diagnosisGroups())) {
                return Outcome.rejected(Refusal.invalid("diagnosisGroups", "within-offering",
                        "may only narrow the offering's diagnosis groups " + groups));
            }
            groups = List.copyOf(new LinkedHashSet<>(command.diagnosisGroups()));
        }
        return Outcome.done(new Terms(location.get(), offering.get(), groups), List.of());
    }

    /**
     * The minimal form (no registry references) is for a provider announcing for itself, in the
     * region of its token; it must name type, postcode, groups and care level. A registered provider
     * may use it too, but the type must agree with the registry.
     */
    public static Decision minimalForm(AnnounceCapacity command, String agb, Acting acting, String actorRegion,
            Provider registered) {
        if (!acting.isOrganisation(agb) || actorRegion == null) {
            return Decision.refuse(Refusal.invalid("locationId", "NotNull",
                    "name the registered location and offering when announcing for another organisation"));
        }
        if (command.providerType() == null) {
            return Decision.refuse(Refusal.invalid("providerType", "NotNull", "must not be null"));
        }
        if (command.locationPostcode() == null) {
            return Decision.refuse(Refusal.invalid("locationPostcode", "NotNull", "must not be null"));
        }
        if (command.diagnosisGroups() == null || command.diagnosisGroups().isEmpty()) {
            return Decision.refuse(Refusal.invalid("diagnosisGroups", "NotEmpty", "must not be empty"));
        }
        if (command.careLevel() == null) {
            return Decision.refuse(Refusal.invalid("careLevel", "NotNull", "must not be null"));
        }
        if (registered != null && registered.type() != command.providerType()) {
            return Decision.refuse(Refusal.invalid("providerType", "registry-mismatch",
                    "differs from the registered type " + registered.type()));
        }
        return Decision.allow();
    }
}
