package nl.transfertafel.intake.waitinglist.domain;

import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;

/**
 * The waiting status an entry starts with (statuses from the Wlz registration, seeds 002:774-828):
 * urgent outranks a preference; a client who wants to wait for the preferred provider waits for
 * preference (and so gets no automatic proposals elsewhere); everyone else is in active placement.
 */
public final class InitialWaitingStatus {

    private InitialWaitingStatus() {
    }

    public static WaitingStatus of(Urgency urgency, boolean waitForPreferredProvider) {
        if (urgency == Urgency.URGENT) {
            return WaitingStatus.URGENT_PLACEMENT;
        }
        return waitForPreferredProvider ? WaitingStatus.WAITING_FOR_PREFERENCE : WaitingStatus.ACTIVE_PLACEMENT;
    }
}
