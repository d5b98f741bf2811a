package nl.transfertafel.harness.faults;

import java.time.Duration;

/** One fault of the schedule (issue 10, "Faults during the run"), injected at {@code at} after the start. */
public sealed interface Fault {

    Duration at();

    String describe();

    /** {@code kill -9} of one instance of a service, restarted after {@code down}. */
    record KillService(Duration at, String service, int instance, Duration down) implements Fault {
        public String describe() {
            return "kill -9 " + service + "#" + instance + ", restarted after " + down.toSeconds() + " s";
        }
    }

    /** One Kafka broker stopped (SIGTERM, as an operator or a failing host would) for {@code down}. */
    record StopBroker(Duration at, int brokerId, Duration down) implements Fault {
        public String describe() {
            return "Kafka broker " + brokerId + " stopped for " + down.toSeconds() + " s";
        }
    }

    /** PostgreSQL's processes frozen (SIGSTOP) for {@code down}, then resumed (SIGCONT). */
    record PausePostgres(Duration at, Duration down) implements Fault {
        public String describe() {
            return "PostgreSQL paused (SIGSTOP) for " + down.toSeconds() + " s";
        }
    }

    /** The webhook receiver's port closed for {@code down}. */
    record WebhookDown(Duration at, Duration down) implements Fault {
        public String describe() {
            return "webhook receiver down for " + down.toSeconds() + " s";
        }
    }
}
