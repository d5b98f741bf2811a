package nl.transfertafel.intake.waitinglist.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Stage;

/**
 * The one place that says which commands a waiting entry accepts in which stage:
 * <pre>
 *   WAITING ──intake──▶ INTAKE_DONE ──treatment──▶ IN_TREATMENT
 *      │                    │
 *      │   ▲                │   │                      │
 *      │   └──treatment must move (provider closes)─┘
 *      └────withdraw────────┴──▶ WITHDRAWN
 * </pre>
 * While the client still waits (WAITING or INTAKE_DONE) the status may be set or confirmed, the
 * entry may move after a transfer and may go stale. WITHDRAWN is final; IN_TREATMENT is final unless
 * the provider closes the client's programme or location: then the treatment must move and the
 * entry waits again (issue 15, ADR 1431), as does an entry whose intake was done there. The provider
 * may name the location of the client (waiting, in intake or treatment) at any time before withdrawal.
 */
public final class EntryLifecycle {

    public enum Command { RECORD_INTAKE, START_TREATMENT, WITHDRAW, SET_STATUS, CONFIRM_STATUS, MOVE, MARK_STALE, MUST_MOVE, SET_LOCATION }

    private static final Set<Stage> STILL_WAITING = EnumSet.of(Stage.WAITING, Stage.INTAKE_DONE);

    private static final Map<Command, Set<Stage>> ALLOWED = Map.of(
            Command.RECORD_INTAKE, EnumSet.of(Stage.WAITING),
            Command.START_TREATMENT, EnumSet.of(Stage.INTAKE_DONE),
            Command.WITHDRAW, STILL_WAITING,
            Command.SET_STATUS, STILL_WAITING,
            Command.CONFIRM_STATUS, STILL_WAITING,
            Command.MOVE, STILL_WAITING,
            Command.MARK_STALE, STILL_WAITING,
            Command.MUST_MOVE, EnumSet.of(Stage.INTAKE_DONE, Stage.IN_TREATMENT),
            // where the client waits or is treated (issue 15): as long as it is with the provider
            Command.SET_LOCATION, EnumSet.of(Stage.WAITING, Stage.INTAKE_DONE, Stage.IN_TREATMENT));

    private EntryLifecycle() {
    }

    public static boolean allows(Stage stage, Command command) {
        return ALLOWED.get(command).contains(stage);
    }

    public static boolean stillWaiting(Stage stage) {
        return STILL_WAITING.contains(stage);
    }
}
