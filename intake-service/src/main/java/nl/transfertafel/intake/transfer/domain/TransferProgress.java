package nl.transfertafel.intake.transfer.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the latest transfer proposal for a referral stands, as the transfer table reported it, so
 * the GP sees it (domain rule 8: the referrer is informed, with a named contact until intake).
 * Only the latest proposal counts: news about an older proposal changes nothing, and a proposal
 * that completed stays completed (a redelivered or repeated completion is not a second move).
 */
public record TransferProgress(
        UUID referralId,
        String proposalId,
        State state,
        String receivingProviderAgb,
        String outcome,
        String handoverContact,
        LocalDate completedOn) {

    public enum State { PROPOSED, OFFERED, ENDED, COMPLETED }

    /** The next progress after an event, or empty when the event changes nothing. */
    public static Optional<TransferProgress> proposed(TransferProgress current, UUID referralId, String proposalId,
            String receivingProviderAgb) {
        if (current != null && current.proposalId.equals(proposalId)) {
            return Optional.empty();
        }
        return Optional.of(new TransferProgress(referralId, proposalId, State.PROPOSED, receivingProviderAgb, null,
                null, null));
    }

    public static Optional<TransferProgress> offered(TransferProgress current, UUID referralId, String proposalId,
            String receivingProviderAgb) {
        if (current != null && current.proposalId.equals(proposalId) && current.state != State.PROPOSED) {
            return Optional.empty();
        }
        return Optional.of(new TransferProgress(referralId, proposalId, State.OFFERED, receivingProviderAgb, null,
                null, null));
    }

    public static Optional<TransferProgress> ended(TransferProgress current, String proposalId, String outcome) {
        if (current == null || !current.proposalId.equals(proposalId) || current.state == State.COMPLETED
                || current.state == State.ENDED) {
            return Optional.empty();
        }
        return Optional.of(new TransferProgress(current.referralId, proposalId, State.ENDED,
                current.receivingProviderAgb, outcome, null, null));
    }

    /** Empty when this proposal completed before: the entry must not move twice. */
    public static Optional<TransferProgress> completed(TransferProgress current, UUID referralId, String proposalId,
            String receivingProviderAgb, String handoverContact, LocalDate completedOn) {
        if (current != null && current.proposalId.equals(proposalId) && current.state == State.COMPLETED) {
            return Optional.empty();
        }
        return Optional.of(new TransferProgress(referralId, proposalId, State.COMPLETED, receivingProviderAgb, null,
                handoverContact, completedOn));
    }
}
