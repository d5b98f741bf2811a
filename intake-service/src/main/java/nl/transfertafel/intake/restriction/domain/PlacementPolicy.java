package nl.transfertafel.intake.restriction.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.rules.StopOrPause;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * Where a new referral's waiting entry goes. At the preferred provider, unless that provider has a
 * registration stop or pause for the client's diagnosis group today; then, and when no provider was
 * named, the entry is unplaced: it is never dropped (domain rule 4, seeds 000:250-264), stays visible
 * to the GP and goes to the transfer table, which looks for a provider with room (001:29-31).
 * Which restriction decides (a stop outranks a pause) is the shared {@link StopOrPause} rule.
 */
public final class PlacementPolicy {

    public record Decision(Placement placement, String providerAgb) {

        public boolean placed() {
            return placement == Placement.PLACED;
        }
    }

    private PlacementPolicy() {
    }

    public static Decision decide(String preferredProviderAgb, DiagnosisGroup group,
            Collection<RegistrationRestriction> restrictions, LocalDate today) {
        if (preferredProviderAgb == null) {
            return new Decision(Placement.UNPLACED_NO_PROVIDER, null);
        }
        List<RegistrationRestriction> ofProvider = restrictions.stream()
                .filter(r -> r.providerAgb().equals(preferredProviderAgb))
                .toList();
        return switch (StopOrPause.decide(ofProvider, group, today).status()) {
            case STOPPED -> new Decision(Placement.UNPLACED_REGISTRATION_STOP, null);
            case PAUSED -> new Decision(Placement.UNPLACED_REGISTRATION_PAUSE, null);
            case OPEN -> new Decision(Placement.PLACED, preferredProviderAgb);
        };
    }
}
