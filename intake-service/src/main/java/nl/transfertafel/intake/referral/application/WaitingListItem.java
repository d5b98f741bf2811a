package nl.transfertafel.intake.referral.application;

import nl.transfertafel.intake.client.domain.ClientDetails;
import nl.transfertafel.intake.referral.domain.Referral;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;

/** A client on a provider's list: the entry, what was referred, and who the client is (to invite them). */
public record WaitingListItem(WaitingEntry entry, Referral referral, ClientDetails client) {
}
