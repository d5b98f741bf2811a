package nl.transfertafel.transfertable.matching.domain;

import java.util.List;
import nl.transfertafel.matching.PriorityObjective;

/**
 * Why the transfer table proposed this match: the score components, the runner-up options (what
 * the whole region would lose if another option were imposed) and the alternatives that were
 * blocked, with their reasons. Stored with each proposal and shown to coordinators (and, for
 * contract blocks, to insurers).
 */
public record Explanation(
        String summary,
        ScoreComponents score,
        List<RunnerUp> runnerUps,
        List<BlockedAlternative> blockedAlternatives,
        String note) {

    public static final int MAX_RUNNER_UPS = 5;
    public static final int MAX_BLOCKED = 25;

    public Explanation {
        runnerUps = List.copyOf(runnerUps);
        blockedAlternatives = List.copyOf(blockedAlternatives);
    }

    /**
     * Another option for the same client. {@code option} is LINE (another capacity line) or
     * NOT_PLACED; {@code pointsLost} is the exact loss of the whole region's score if it were imposed.
     */
    public record RunnerUp(String option, String capacityLineId, String providerAgb, Integer distanceKm,
            long pointsLost, String meaning) {

        public static String meaning(long pointsLost) {
            if (pointsLost == 0) {
                return "equally good (a tie)";
            }
            if (pointsLost < PriorityObjective.W_WAITED) {
                return "only travel differs: " + pointsLost + " km more in total";
            }
            return "would place a client of lower priority instead, or fewer clients";
        }
    }

    /** A line that offers what the client needs but is blocked, with every reason. */
    public record BlockedAlternative(String capacityLineId, String providerAgb, List<Reason> reasons) {

        public BlockedAlternative {
            reasons = List.copyOf(reasons);
        }
    }

    public record Reason(BlockReason code, String policy, String detail) {

        public static Reason of(PolicyResult.Blocked blocked) {
            return new Reason(blocked.reason(), blocked.policy(), blocked.detail());
        }
    }
}
