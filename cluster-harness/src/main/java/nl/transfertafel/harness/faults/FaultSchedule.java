package nl.transfertafel.harness.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The faults of a run, in the order they start. */
public record FaultSchedule(List<Fault> faults) {

    public FaultSchedule {
        faults = faults.stream().sorted((a, b) -> a.at().compareTo(b.at())).toList();
    }

    /**
     * The full run's schedule from the issue: one instance of each service killed in turn (restarted
     * after 20 s), one broker stopped for 60 s, PostgreSQL paused for 10 s, the webhook receiver down for
     * two minutes. Spaced so each fault's recovery is seen before the next one starts.
     */
    public static FaultSchedule full(List<String> services) {
        List<Fault> faults = new ArrayList<>();
        Duration at = Duration.ofSeconds(20);
        for (String service : services) {
            faults.add(new Fault.KillService(at, service, 1, Duration.ofSeconds(20)));
            at = at.plusSeconds(45);
        }
        faults.add(new Fault.StopBroker(at, 2, Duration.ofSeconds(60)));
        at = at.plusSeconds(80);
        faults.add(new Fault.PausePostgres(at, Duration.ofSeconds(10)));
        at = at.plusSeconds(30);
        faults.add(new Fault.WebhookDown(at, Duration.ofMinutes(2)));
        return new FaultSchedule(faults);
    }

    /**
     * The short mode (issue 10: "a burst of load, one kill -9 and one broker stop", the whole run within four
     * minutes): intake-service #1 killed while it takes referrals and started again 3 s later (its JVM then
     * needs tens of seconds to serve; the other instance takes the load meanwhile and its relay publishes
     * the dead one's outbox rows), and broker 2 stopped for 15 s while the kill is being recovered from:
     * longer than the brokers' 6 s session timeout, so the controller moves its partition leaderships and
     * producers, relays and consumers fail over and back under load.
     */
    public static FaultSchedule quick() {
        return new FaultSchedule(List.of(
                new Fault.KillService(Duration.ofSeconds(3), "intake-service", 1, Duration.ofSeconds(3)),
                new Fault.StopBroker(Duration.ofSeconds(10), 2, Duration.ofSeconds(15))));
    }

    /** When the last fault has been undone. */
    public Duration length() {
        return faults.stream().map(f -> f.at().plus(down(f))).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static Duration down(Fault fault) {
        if (fault instanceof Fault.KillService k) {
            return k.down();
        } else if (fault instanceof Fault.StopBroker b) {
            return b.down();
        } else if (fault instanceof Fault.PausePostgres p) {
            return p.down();
        }
        return ((Fault.WebhookDown) fault).down();
    }
}
