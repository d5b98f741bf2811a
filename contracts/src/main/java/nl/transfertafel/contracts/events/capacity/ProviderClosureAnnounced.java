package nl.transfertafel.contracts.events.capacity;

import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * A provider announced that it closes a location or stops a care programme (issue 15 item 2): its
 * clients in scope must move, and the transfer table makes them a bulk transfer case. Scope: the
 * location (null = the whole provider) and the diagnosis groups (empty = every group). From
 * {@code endDate} registrations in scope meet a registration stop (a separate
 * {@link RegistrationRestrictionChanged}); {@code withdrawnLines} were taken out of matching at once.
 * {@code handoverContact} is an organisational contact for the warm handover (criterion d), never a
 * client's data.
 */
@EventType(name = "ProviderClosureAnnounced", topic = Topics.CAPACITY_EVENTS)
public record ProviderClosureAnnounced(
        String closureId,
        String providerAgb,
        String locationId,
        List<DiagnosisGroup> diagnosisGroups,
        LocalDate endDate,
        String handoverContact,
        List<String> withdrawnLines) implements EventPayload {
}
