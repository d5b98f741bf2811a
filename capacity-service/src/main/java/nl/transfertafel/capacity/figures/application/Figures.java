package nl.transfertafel.capacity.figures.application;

import java.time.LocalDate;
import java.util.List;

/**
 * Transparency figures of one region (001:19-20, 252-256): the registration stops and pauses in
 * force per diagnosis group, and the capacity that is open. A provider's restriction counts in every
 * region it works in (home region and the regions of its locations).
 */
public record Figures(String region, LocalDate on, List<RestrictionCount> restrictionsInForce, Capacity capacity) {

    /** {@code diagnosisGroup} is a group name, or ALL for restrictions covering every group. */
    public record RestrictionCount(String diagnosisGroup, long stops, long pauses) {
    }

    public record Capacity(long openLines, long openPlaces, long fullLines, long staleLines,
            List<GroupCapacity> byDiagnosisGroup) {
    }

    public record GroupCapacity(String diagnosisGroup, long openLines, long openPlaces) {
    }
}
