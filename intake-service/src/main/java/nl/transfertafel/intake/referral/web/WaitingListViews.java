package nl.transfertafel.intake.referral.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.intake.client.domain.ClientDetails;
import nl.transfertafel.intake.referral.domain.Referral;
import nl.transfertafel.intake.referral.application.WaitingListItem;
import nl.transfertafel.intake.waitinglist.web.EntryState;

/** What the waiting-list endpoints answer. */
public final class WaitingListViews {

    private WaitingListViews() {
    }

    /** A client on the provider's list: who and how to reach them (to invite for intake), what was referred, where the entry stands. */
    public record WaitingListEntry(UUID referralId, Client client, Referred referral, EntryState waiting) {

        static WaitingListEntry of(WaitingListItem item, Clock clock) {
            ClientDetails client = item.client();
            Referral referral = item.referral();
            return new WaitingListEntry(item.entry().referralId(),
                    new Client(client.name(), client.dateOfBirth(), client.postcode(), client.email(), client.phone(),
                            client.language().name().toLowerCase(Locale.ROOT)),
                    new Referred(referral.referrerAgb(), referral.diagnosisGroup(), referral.careLevel(),
                            referral.urgency(), referral.insurerUzovi(), referral.preferences().maxTravelKm(),
                            referral.preferences().eHealthAcceptable(), referral.preferences().waitForPreferredProvider(),
                            referral.screeningConsent(), referral.source()),
                    EntryState.of(item.entry(), clock));
        }
    }

    public record Client(String name, LocalDate dateOfBirth, String postcode, String email, String phone, String language) {
    }

    public record Referred(String referrerAgb, DiagnosisGroup diagnosisGroup, CareLevel careLevel, Urgency urgency,
            String insurerUzovi, Integer maxTravelKm, boolean eHealthAcceptable, boolean waitForPreferredProvider,
            boolean screeningConsent, Referral.Source source) {
    }
}
