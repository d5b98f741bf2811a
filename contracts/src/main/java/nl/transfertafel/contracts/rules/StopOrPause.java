package nl.transfertafel.contracts.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * Stop versus pause (domain rule 4): which of a provider's registration restrictions decides what
 * happens to a referral of a diagnosis group on a date. The one place of this rule; capacity
 * (the provider's status per group), intake (where a new referral's entry goes) and the transfer
 * table (whether a client may be proposed to the provider) all ask it.
 * <ul>
 * <li>{@link Status#STOPPED}: a registration stop (aanmeldstop) is in force. Stops used to hide clients
 * from the waiting list (000:250-264); here a referral that meets one is never dropped: it stays
 * visible and goes to the transfer table.</li>
 * <li>{@link Status#PAUSED}: a registration pause (aanmeldpauze, 001:29-31, 249-250) is in force, set
 * when the norm is exceeded "so that people can be referred directly to a provider with capacity".</li>
 * <li>{@link Status#OPEN}: neither.</li>
 * </ul>
 * <b>A stop outranks a pause</b>, whatever order the restrictions come in: a client facing both is
 * told "stop". A restriction without a diagnosis group concerns every group; of two restrictions of the
 * deciding kind, the one for the group itself is named before one for all groups, as it tells more.
 * <p>
 * Plain Java, so each service's domain can call it. The caller passes the restrictions of one
 * provider (its own record type, which implements {@link Restriction}); lifted ones, ones not yet
 * begun and ones past their last day are left out here.
 */
public final class StopOrPause {

    private StopOrPause() {
    }

    /**
     * What the rule needs to know of a restriction. A service's own record implements it by having
     * components of these names (a record's {@code active} component overrides the default).
     */
    public interface Restriction {

        Kind kind();

        /** The group it concerns; null means every group. */
        DiagnosisGroup diagnosisGroup();

        /** Its first day; null means since always. */
        LocalDate from();

        /** Its last day; null means until lifted. */
        LocalDate until();

        /** False once lifted; a read model that keeps only active restrictions leaves the default. */
        default boolean active() {
            return true;
        }

        /** Does it concern referrals of this group? */
        default boolean concerns(DiagnosisGroup group) {
            return diagnosisGroup() == null || diagnosisGroup() == group;
        }

        /** Active, begun and not past its last day on this date. */
        default boolean inForceOn(LocalDate date) {
            return active() && (from() == null || !date.isBefore(from())) && (until() == null || !date.isAfter(until()));
        }
    }

    public enum Status { OPEN, PAUSED, STOPPED }

    /** The status and the restriction that decided it (empty when open). */
    public record Verdict<R extends Restriction>(Status status, Optional<R> because) {

        public Verdict {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(because, "because");
            if ((status == Status.OPEN) != because.isEmpty()) {
                throw new IllegalArgumentException("a stop or pause names its restriction, open names none");
            }
        }

        public boolean stopped() {
            return status == Status.STOPPED;
        }

        public boolean paused() {
            return status == Status.PAUSED;
        }

        public boolean open() {
            return status == Status.OPEN;
        }
    }

    /**
     * The verdict for a referral of {@code group} on {@code date}, given one provider's restrictions
     * (an empty collection when it has none).
     */
    public static <R extends Restriction> Verdict<R> decide(Collection<R> restrictions, DiagnosisGroup group,
            LocalDate date) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(date, "date");
        Optional<R> stop = deciding(restrictions, Kind.STOP, group, date);
        if (stop.isPresent()) {
            return new Verdict<>(Status.STOPPED, stop);
        }
        Optional<R> pause = deciding(restrictions, Kind.PAUSE, group, date);
        return pause.isPresent() ? new Verdict<>(Status.PAUSED, pause) : new Verdict<>(Status.OPEN, Optional.empty());
    }

    private static <R extends Restriction> Optional<R> deciding(Collection<R> restrictions, Kind kind,
            DiagnosisGroup group, LocalDate date) {
        // a restriction for the group itself is more telling than one for all groups
        return restrictions.stream()
                .filter(r -> r.kind() == kind && r.concerns(group) && r.inForceOn(date))
                .min(Comparator.comparing(r -> r.diagnosisGroup() == null));
    }
}
