package nl.transfertafel.simulator.policy;

import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.simulator.run.ClientState;
import nl.transfertafel.simulator.run.Hold;
import nl.transfertafel.simulator.run.RegionRun;
import nl.transfertafel.simulator.world.Parameters;
import nl.transfertafel.simulator.world.Referral;

/**
 * Offers waiting for an answer, shared by every table: a transfer happens only when the client
 * consents (zelfregie) and the receiving provider accepts; either "no" releases the place and blocks
 * the pair for {@code refusal.days}.
 */
final class Offers {

    private final List<Hold> pending = new ArrayList<>();

    void offer(Hold hold, int day, Parameters p) {
        hold.answerDay = day + p.days("offer.responseDays");
        pending.add(hold);
    }

    void answerDue(RegionRun run, int day) {
        Parameters p = run.parameters();
        int kept = 0;
        for (int i = 0; i < pending.size(); i++) {
            Hold hold = pending.get(i);
            if (!hold.open()) {
                continue; // the client started at their own provider or left meanwhile
            }
            if (hold.answerDay > day) {
                pending.set(kept++, hold);
                continue;
            }
            ClientState c = hold.client();
            int attempt = c.nextAttempt();
            boolean client = c.referral().draw(Referral.Purpose.CLIENT_ACCEPTS, attempt) < p.get("offer.clientAccept");
            boolean provider = c.referral().draw(Referral.Purpose.PROVIDER_ACCEPTS, attempt) < p.get("offer.providerAccept");
            if (client && provider) {
                run.completeTransfer(hold, day);
            } else {
                run.release(hold, day, true);
            }
        }
        pending.subList(kept, pending.size()).clear();
    }
}
