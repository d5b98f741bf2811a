package nl.transfertafel.intake.referral.web;

import io.swagger.v3.oas.annotations.media.Schema;
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
    public record WorklistItem(UUID referralId,
            @Schema(description = "false for an entry a provider brought in naming this practice: confirm it "
                    + "(POST .../confirm-referrer) to see who the client is and to act on it")
            boolean referrerConfirmed,
            @Schema(description = "who the client is; absent until the practice confirmed it referred the client")
            Client client,
            Referred referral, EntryState waiting, Transfer transfer,
            @Schema(description = "how many other referrals of the same client (same BSN) are still open, by this or "
                    + "another practice: a client referred twice")
            long otherOpenReferrals,
            @Schema(description = "the open \"still waiting?\" question of a validation round, if any: answer it for the "
                    + "client with POST /api/v1/validation-questions/{questionId}/answer; flagged when nobody answered "
                    + "after the reminder (follow it up with the client)")
            ValidationQuestion validationQuestion) {

        static WorklistItem of(ReferralOverview overview, Clock clock) {
            Referral referral = overview.referral();
            return new WorklistItem(referral.id(), referral.referrerConfirmed(),
                    overview.client() == null ? null : new Client(overview.client().name(), overview.client().dateOfBirth()),
                    new Referred(referral.diagnosisGroup(), referral.careLevel(), referral.urgency(),
                            referral.preferredProviderAgb(), referral.insurerUzovi(),
                            referral.preferences().waitForPreferredProvider(), referral.source(),
                            referral.clientSupportOrganisation()),
                    EntryState.of(overview.entry(), clock),
                    overview.transfer() == null ? null : Transfer.of(overview.transfer()),
                    overview.otherOpenReferrals(),
                    ValidationQuestion.of(overview.validationQuestion()));
        }
    }

    /** An open validation question about the client: which, and whether reminded or flagged. */
    public record ValidationQuestion(UUID questionId, UUID roundId, boolean reminded, boolean flagged) {

        static ValidationQuestion of(nl.transfertafel.intake.validation.domain.Question question) {
            return question == null ? null : new ValidationQuestion(question.id(), question.roundId(),
                    question.remindedAt() != null, question.flaggedAt() != null);
        }
    }

    /** The client-support organisation acting for the client of a referral (absent: none). */
    public record ClientSupport(UUID referralId, String clientSupportOrganisation) {

        static ClientSupport of(Referral referral) {
            return new ClientSupport(referral.id(), referral.clientSupportOrganisation());
        }
    }

    public record Client(String name, LocalDate dateOfBirth) {
    }

    public record Referred(DiagnosisGroup diagnosisGroup, CareLevel careLevel, Urgency urgency,
            String preferredProviderAgb, String insurerUzovi, boolean waitForPreferredProvider, Referral.Source source,
            String clientSupportOrganisation) {
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
