package nl.transfertafel.harness.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import nl.transfertafel.harness.invariants.Expectations.AcceptedReferral;

/** What the stack accepted during the run: the referrals answered 201 and the capacity lines announced. */
public final class Ledger {

    private final Queue<AcceptedReferral> referrals = new ConcurrentLinkedQueue<>();
    private final Queue<Line> lines = new ConcurrentLinkedQueue<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public record Line(UUID capacityLineId, Identity provider, long announcedAtMillis) {
    }

    public void accepted(AcceptedReferral referral) {
        referrals.add(referral);
    }

    public void announced(Line line) {
        lines.add(line);
    }

    /** The oldest announced line announced before {@code beforeMillis}, taken off the list (to withdraw it). */
    public Line takeLineOlderThan(long beforeMillis) {
        Line oldest = lines.peek();
        if (oldest != null && oldest.announcedAtMillis() < beforeMillis) {
            return lines.poll();
        }
        return null;
    }

    public void refused() {
        refused.incrementAndGet();
    }

    public void failed() {
        failed.incrementAndGet();
    }

    public List<AcceptedReferral> referrals() {
        return new ArrayList<>(referrals);
    }

    public int referralCount() {
        return referrals.size();
    }

    public long refusedCount() {
        return refused.get();
    }

    public long failedCount() {
        return failed.get();
    }
}
