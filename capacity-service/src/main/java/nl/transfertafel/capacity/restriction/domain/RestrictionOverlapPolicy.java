package nl.transfertafel.capacity.restriction.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Refusal;

/**
 * One active restriction of a kind per provider, diagnosis group and day: a second stop (or pause)
 * for the same group over an overlapping period is refused, so the transparency figures count each
 * restriction once. A stop and a pause may overlap (the stop decides; see
 * {@link nl.transfertafel.contracts.rules.StopOrPause}).
 */
public final class RestrictionOverlapPolicy {

    private RestrictionOverlapPolicy() {
    }

    public static Decision check(RegistrationRestriction candidate, List<RegistrationRestriction> existing) {
        return existing.stream()
                .filter(RegistrationRestriction::active)
                .filter(other -> other.kind() == candidate.kind())
                .filter(other -> Objects.equals(other.diagnosisGroup(), candidate.diagnosisGroup()))
                .filter(other -> overlaps(candidate, other))
                .findFirst()
                .map(other -> Decision.refuse(Refusal.conflict("restriction-overlaps", "registration "
                        + candidate.kind().name().toLowerCase() + " " + other.id() + " already covers "
                        + (candidate.diagnosisGroup() == null ? "all groups" : candidate.diagnosisGroup().name())
                        + " in that period; lift or correct it first")))
                .orElse(Decision.allow());
    }

    private static boolean overlaps(RegistrationRestriction a, RegistrationRestriction b) {
        LocalDate aEnd = a.until() != null ? a.until() : LocalDate.MAX;
        LocalDate bEnd = b.until() != null ? b.until() : LocalDate.MAX;
        return !a.from().isAfter(bEnd) && !b.from().isAfter(aEnd);
    }
}
