package nl.transfertafel.intake.referral.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.intake.referral.application.ReferralOverview;
import nl.transfertafel.intake.referral.domain.Referral;
import nl.transfertafel.intake.transfer.domain.TransferProgress;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;
import nl.transfertafel.intake.waitinglist.web.EntryState;

/** What the referral endpoints answer. */
public final class ReferralViews {

    private ReferralViews() {
    }

    /** The answer to a registered referral (or onboarded entry): its id, dates and where it was placed. */
    public record ReferralCreated(UUID referralId, LocalDate registeredOn, LocalDate intakeDeadline,
            LocalDate treatmentDeadline, Placement placement, String providerAgb, WaitingStatus waitingStatus,
            long version) {

        public static ReferralCreated of(Referral.Registered registered) {
            WaitingEntry entry = registered.entry();
            return new ReferralCreated(entry.referralId(), entry.registeredOn(), entry.intakeDeadline(),
                    entry.treatmentDeadline(), entry.placement(), entry.providerAgb(), entry.waitingStatus(),
                    entry.version());
        }
    }

    /** A client on the GP's worklist: who, what was referred, where they wait and how long, and any transfer. */
    public record WorklistItem(UUID referralId, Client client, Referred referral, EntryState waiting, Transfer transfer) {

        static WorklistItem of(ReferralOverview overview, Clock clock) {
            Referral referral = overview.referral();
            return new WorklistItem(referral.id(),
                    new Client(overview.client().name(), overview.client().dateOfBirth()),
                    new Referred(referral.diagnosisGroup(), referral.careLevel(), referral.urgency(),
                            referral.preferredProviderAgb(), referral.insurerUzovi(),
                            referral.preferences().waitForPreferredProvider(), referral.source()),
                    EntryState.of(overview.entry(), clock),
                    overview.transfer() == null ? null : Transfer.of(overview.transfer()));
        }
    }

    public record Client(String name, LocalDate dateOfBirth) {
    }

    public record Referred(DiagnosisGroup diagnosisGroup, CareLevel careLevel, Urgency urgency,
            String preferredProviderAgb, String insurerUzovi, boolean waitForPreferredProvider, Referral.Source source) {
    }

    /**
     * The latest transfer proposal for the client: PROPOSED (awaiting screening), OFFERED, ENDED
     * (with its outcome) or COMPLETED (with the named contact for the warm handover).
     */
    public record Transfer(TransferProgress.State state, String proposalId, String receivingProviderAgb, String outcome,
            String handoverContact, LocalDate completedOn) {

        static Transfer of(TransferProgress progress) {
            return new Transfer(progress.state(), progress.proposalId(), progress.receivingProviderAgb(),
                    progress.outcome(), progress.handoverContact(), progress.completedOn());
        }
    }
}
