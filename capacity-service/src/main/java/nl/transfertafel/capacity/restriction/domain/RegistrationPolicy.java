package nl.transfertafel.capacity.restriction.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * Stop versus pause: what happens to a referral of a diagnosis group to this provider on a date.
 * <ul>
 * <li>STOPPED: a stop is in force. The referral is never dropped or hidden (as stops used to do,
 * 000:250-264): it stays on the list and goes to the transfer table.</li>
 * <li>PAUSED: a pause is in force (001:29-31): the referral goes directly to a provider with capacity.</li>
 * <li>OPEN: neither.</li>
 * </ul>
 * A stop outranks a pause; a restriction without a group applies to every group.
 */
public final class RegistrationPolicy {

    public enum Status { OPEN, PAUSED, STOPPED }

    /** The status and the restriction that decided it (empty when open). */
    public record Verdict(Status status, Optional<RegistrationRestriction> because) {
    }

    private RegistrationPolicy() {
    }

    public static Verdict forReferral(List<RegistrationRestriction> restrictions, DiagnosisGroup group, LocalDate date) {
        Optional<RegistrationRestriction> stop = deciding(restrictions, Kind.STOP, group, date);
        if (stop.isPresent()) {
            return new Verdict(Status.STOPPED, stop);
        }
        Optional<RegistrationRestriction> pause = deciding(restrictions, Kind.PAUSE, group, date);
        return pause.map(p -> new Verdict(Status.PAUSED, Optional.of(p)))
                .orElseGet(() -> new Verdict(Status.OPEN, Optional.empty()));
    }

    private static Optional<RegistrationRestriction> deciding(List<RegistrationRestriction> restrictions, Kind kind,
            DiagnosisGroup group, LocalDate date) {
        // a restriction for the group itself is more telling than one for all groups
        return restrictions.stream()
                .filter(r -> r.kind() == kind && r.concerns(group) && r.inForceOn(date))
                .min(Comparator.comparing(r -> r.diagnosisGroup() == null));
    }
}
