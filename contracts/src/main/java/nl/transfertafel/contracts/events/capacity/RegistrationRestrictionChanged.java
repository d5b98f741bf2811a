package nl.transfertafel.contracts.events.capacity;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * A registration stop (aanmeldstop: referrals meeting it go to the transfer table, never dropped) or
 * pause (aanmeldpauze, per diagnosis group, so referrals go straight to a provider with capacity)
 * was set or lifted. A null diagnosis group means all groups.
 */
@EventType(name = "RegistrationRestrictionChanged", topic = Topics.CAPACITY_EVENTS)
public record RegistrationRestrictionChanged(
        String restrictionId,
        String providerAgb,
        Kind kind,
        DiagnosisGroup diagnosisGroup,
        boolean active,
        String reason,
        LocalDate from,
        LocalDate until) implements EventPayload {

    public enum Kind { STOP, PAUSE }
}
