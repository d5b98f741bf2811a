package nl.transfertafel.platform.probe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;

/** A valid event on the topic the probe consumes, with a chosen aggregate id. */
public final class ProbeEvents {

    private ProbeEvents() {
    }

    public static NewEvent referralReceived(String aggregateId, String region) {
        ReferralReceived payload = new ReferralReceived(aggregateId, "pseudonym_0123456789abcdef", "01000001", null,
                "3011", "25-34", DiagnosisGroup.ANXIETY, CareLevel.BASIC, Urgency.REGULAR, "3311",
                LocalDate.of(2026, 11, 22), new ReferralReceived.Preferences(20, true, false), true);
        return new NewEvent(UUID.randomUUID(), Instant.parse("2026-11-22T09:00:00Z"), region, aggregateId, payload);
    }
}
