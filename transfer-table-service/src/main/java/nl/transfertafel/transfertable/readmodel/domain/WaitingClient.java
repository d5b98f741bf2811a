package nl.transfertafel.transfertable.readmodel.domain;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;

/**
 * A waiting client as the transfer table knows it: the facts of the referral (pseudonymous: postcode
 * area, age band) merged with the latest waiting-entry snapshot from intake. Until the first snapshot
 * arrives the client counts as waiting without a current provider (referral and waiting events
 * travel on different topics, so either may come first).
 */
public record WaitingClient(
        String referralId,
        String region,
        String clientPseudonym,
        String referrerAgb,
        String postcodeArea,
        String ageBand,
        DiagnosisGroup diagnosisGroup,
        CareLevel careLevel,
        Urgency urgency,
        String insurerUzovi,
        LocalDate registeredOn,
        Integer maxTravelKm,
        boolean eHealthAcceptable,
        boolean waitForPreferredProvider,
        String preferredProviderAgb,
        boolean screeningConsent,
        String currentProviderAgb,
        WaitingStatus waitingStatus,
        WaitingEntryChanged.Stage stage,
        boolean stale) {

    /** Urgent referral, or a provider set the status to urgent placement: urgent outranks preference (Wlz statuses). */
    public boolean urgent() {
        return urgency == Urgency.URGENT || waitingStatus == WaitingStatus.URGENT_PLACEMENT;
    }

    /** The client prefers to wait for a specific provider although others may have room. */
    public boolean waitsForPreference() {
        return waitForPreferredProvider || waitingStatus == WaitingStatus.WAITING_FOR_PREFERENCE;
    }

    public boolean waiting() {
        return stage == null || stage == WaitingEntryChanged.Stage.WAITING;
    }
}
