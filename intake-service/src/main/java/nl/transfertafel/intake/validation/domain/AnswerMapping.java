package nl.transfertafel.intake.validation.domain;

import java.time.Clock;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.waitinglist.domain.EntryOutcome;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;

/**
 * An answer as a command of the waiting entry's own state machine, so that it changes the entry (and
 * emits {@code WaitingEntryChanged}) exactly like a provider's action would. Withdrawing screening
 * consent also confirms the status here; the consent itself is the referral's
 * ({@code ScreeningConsentChanged}).
 */
public final class AnswerMapping {

    private AnswerMapping() {
    }

    public static EntryOutcome apply(Answer answer, WaitingEntry entry, Clock clock) {
        return switch (answer) {
            case STILL_WAITING, NO_TRANSFER_SCREENING -> entry.confirmStatus(clock);
            case WAITING_AS_PRECAUTION -> entry.setStatus(WaitingStatus.WAITING_AS_PRECAUTION, clock);
            case NO_LONGER_NEEDED -> entry.withdraw(WithdrawalReason.NO_LONGER_NEEDED, clock);
        };
    }

    /** Whether the answer takes back the client's consent to transfer screening. */
    public static boolean withdrawsScreeningConsent(Answer answer) {
        return answer == Answer.NO_TRANSFER_SCREENING;
    }
}
