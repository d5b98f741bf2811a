package nl.transfertafel.simulator.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.transfertafel.simulator.run.TransferPolicy;

/** The four policies of issue 14 by their names on the command line and in the outputs. */
public final class Policies {

    public static final List<String> ALL = List.of("none", "biweekly", "weekly", "continuous");

    private Policies() {
    }

    public static Supplier<TransferPolicy> byName(String name) {
        return switch (name) {
            case "none" -> NoTransfer::new;
            case "biweekly" -> MeetingTable::biweekly;
            case "weekly" -> MeetingTable::weekly;
            case "continuous" -> ContinuousTable::standard;
            default -> throw new IllegalArgumentException("unknown policy " + name + "; use all or any of " + ALL);
        };
    }

    /** "all" or a comma-separated list, in the order of {@link #ALL}. */
    public static Map<String, Supplier<TransferPolicy>> parse(String spec) {
        List<String> names = spec.equals("all") ? ALL : List.of(spec.split(","));
        Map<String, Supplier<TransferPolicy>> out = new LinkedHashMap<>();
        for (String name : ALL) {
            if (names.contains(name)) {
                out.put(name, byName(name));
            }
        }
        for (String name : names) {
            byName(name.trim()); // refuses unknown names
        }
        return out;
    }
}
