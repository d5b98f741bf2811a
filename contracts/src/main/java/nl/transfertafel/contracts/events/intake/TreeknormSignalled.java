package nl.transfertafel.contracts.events.intake;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * A Treeknorm deadline is at risk or breached (at most 4 weeks registration to intake, at most 10
 * weeks intake to treatment). Emitted once per entry, norm and level.
 */
@EventType(name = "TreeknormSignalled", topic = Topics.INTAKE_WAITING_EVENTS)
public record TreeknormSignalled(
        String referralId,
        String clientPseudonym,
        String referrerAgb,
        String providerAgb,
        DiagnosisGroup diagnosisGroup,
        Norm norm,
        Level level,
        LocalDate deadline) implements EventPayload {

    public enum Norm { INTAKE, TREATMENT }

    public enum Level { AT_RISK, BREACHED }
}
