package nl.transfertafel.transfertable.matching.domain;

import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.transfertable.matching.domain.EligibilityPolicies.ClientPolicy;
import nl.transfertafel.transfertable.matching.domain.EligibilityPolicies.PairPolicy;
import nl.transfertafel.transfertable.matching.domain.PolicyResult.Blocked;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/**
 * Applies the eligibility policies. A client is a candidate when every client policy allows it; a
 * (client, line) pair is eligible when, in addition, every pair policy allows it. Cheap policies
 * come first so {@link #firstPairBlock} stops early; {@link #pairBlocks} lists every reason, for
 * explanations.
 */
public final class Eligibility {

    private final List<ClientPolicy> clientPolicies;
    private final List<PairPolicy> pairPolicies;
    private final DiagnosisGroupAndLevel clinical = new DiagnosisGroupAndLevel();

    public Eligibility(List<ClientPolicy> clientPolicies, List<PairPolicy> pairPolicies) {
        this.clientPolicies = List.copyOf(clientPolicies);
        this.pairPolicies = List.copyOf(pairPolicies);
    }

    public static Eligibility standard() {
        return new Eligibility(
                List.of(new EligibilityPolicies.StillWaiting(), new EligibilityPolicies.ScreeningConsentGiven(),
                        new EligibilityPolicies.NotAlreadyTransferred(), new EligibilityPolicies.NotAlreadyProposed(),
                        new EligibilityPolicies.NotMarkedUnsuitable(), new EligibilityPolicies.NotWaitingAsPrecaution()),
                List.of(new EligibilityPolicies.NotCurrentProvider(), new EligibilityPolicies.DiagnosisGroupOffered(),
                        new EligibilityPolicies.CareLevelOffered(), new EligibilityPolicies.LineAvailable(),
                        new EligibilityPolicies.AgeInRange(), new EligibilityPolicies.NotExcluded(),
                        new EligibilityPolicies.RespectsPreference(), new EligibilityPolicies.NoStopOrPause(),
                        new EligibilityPolicies.NotRefusedRecently(), new EligibilityPolicies.WithinTravelDistance(),
                        new EligibilityPolicies.InsurerContracted()));
    }

    public List<Blocked> clientBlocks(WaitingClient client, MatchingContext context) {
        List<Blocked> blocks = new ArrayList<>(1);
        for (ClientPolicy policy : clientPolicies) {
            if (policy.check(client, context) instanceof Blocked blocked) {
                blocks.add(blocked);
            }
        }
        return blocks;
    }

    public boolean isCandidate(WaitingClient client, MatchingContext context) {
        for (ClientPolicy policy : clientPolicies) {
            if (!policy.check(client, context).allowed()) {
                return false;
            }
        }
        return true;
    }

    /** The first pair policy that blocks, or null when the pair is eligible. */
    public Blocked firstPairBlock(WaitingClient client, CapacityLine line, MatchingContext context) {
        for (PairPolicy policy : pairPolicies) {
            if (policy.check(client, line, context) instanceof Blocked blocked) {
                return blocked;
            }
        }
        return null;
    }

    /** Every pair policy that blocks (empty when eligible). */
    public List<Blocked> pairBlocks(WaitingClient client, CapacityLine line, MatchingContext context) {
        List<Blocked> blocks = new ArrayList<>(2);
        for (PairPolicy policy : pairPolicies) {
            if (policy.check(client, line, context) instanceof Blocked blocked) {
                blocks.add(blocked);
            }
        }
        return blocks;
    }

    /** The line offers what the client needs clinically (group and level): only then is it an alternative at all. */
    public boolean clinicallyRelevant(WaitingClient client, CapacityLine line) {
        return clinical.fits(client, line);
    }

    private static final class DiagnosisGroupAndLevel {
        private final PairPolicy group = new EligibilityPolicies.DiagnosisGroupOffered();
        private final PairPolicy level = new EligibilityPolicies.CareLevelOffered();

        boolean fits(WaitingClient client, CapacityLine line) {
            return group.check(client, line, null).allowed() && level.check(client, line, null).allowed();
        }
    }
}
