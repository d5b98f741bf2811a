package nl.transfertafel.simulator.world;

import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/**
 * The what-ifs of issue 14, all off by default. Every policy in one run sees the same scenario (and
 * the same random streams), so differences between policies come from the policies alone.
 *
 * @param moreCapacityFor  a provider type that gets {@code whatif.capacityIncrease} more places, or null
 * @param closeLargestProvider the provider with the most referrals closes on day {@code whatif.closeAfterDays}
 *                         of the measured year; its waiting list is referred elsewhere (clock kept)
 * @param stopFor          a diagnosis group for which the largest provider of that group sets a
 *                         registration stop for the measured year, or null
 * @param ceilingReachedBy an insurer (UZOVI) whose ceilings count as reached from month
 *                         {@code whatif.ceilingMonth} of the measured year, or null
 * @param moreEHealth      clients accept e-health at {@code whatif.eHealthShare} instead of the default
 */
public record Scenario(ProviderType moreCapacityFor, boolean closeLargestProvider, DiagnosisGroup stopFor,
        String ceilingReachedBy, boolean moreEHealth) {

    public static Scenario baseline() {
        return new Scenario(null, false, null, null, false);
    }

    public boolean isBaseline() {
        return equals(baseline());
    }

    public String describe() {
        if (isBaseline()) {
            return "baseline";
        }
        StringBuilder s = new StringBuilder();
        if (moreCapacityFor != null) {
            s.append("more capacity at ").append(moreCapacityFor).append("; ");
        }
        if (closeLargestProvider) {
            s.append("largest provider closes; ");
        }
        if (stopFor != null) {
            s.append("registration stop for ").append(stopFor).append("; ");
        }
        if (ceilingReachedBy != null) {
            s.append("ceilings of insurer ").append(ceilingReachedBy).append(" reached; ");
        }
        if (moreEHealth) {
            s.append("more e-health acceptance; ");
        }
        return s.substring(0, s.length() - 2);
    }
}
