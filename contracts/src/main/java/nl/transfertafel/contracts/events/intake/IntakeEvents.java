package nl.transfertafel.contracts.events.intake;

import java.util.List;
import nl.transfertafel.contracts.events.EventPayload;

/** The events intake-service publishes. */
public final class IntakeEvents {

    public static final List<Class<? extends EventPayload>> TYPES = List.of(
            ReferralReceived.class,
            ClientSupportChanged.class,
            ReferrerLinkChanged.class,
            WaitingEntryChanged.class,
            TreeknormSignalled.class,
            ValidationQuestionAsked.class,
            ValidationEntryFlagged.class,
            ScreeningConsentChanged.class);

    private IntakeEvents() {
    }
}
