package nl.transfertafel.intake.referral.application;

import nl.transfertafel.intake.client.domain.ClientDetails;
import nl.transfertafel.intake.referral.domain.Referral;
import nl.transfertafel.intake.transfer.domain.TransferProgress;
import nl.transfertafel.intake.validation.domain.Question;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;

/**
 * Where a referred client stands: the referral, its waiting entry, the latest transfer (or null), who
 * the client is (null until the practice confirmed it referred the client), and how many other
 * referrals of the same client are still open, and the open "still waiting?" question (or null).
 */
public record ReferralOverview(Referral referral, WaitingEntry entry, TransferProgress transfer, ClientDetails client,
        long otherOpenReferrals, Question validationQuestion) {
}
