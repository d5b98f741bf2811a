package nl.transfertafel.intake.referral.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.intake.ClientSupportChanged;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.ReferrerLinkChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.intake.client.domain.AgeBand;
import nl.transfertafel.intake.client.domain.ClientDetails;
import nl.transfertafel.intake.client.domain.ClientPseudonyms;
import nl.transfertafel.intake.restriction.domain.PlacementPolicy;
import nl.transfertafel.intake.waitinglist.domain.EntryOutcome;
import nl.transfertafel.intake.waitinglist.domain.InitialWaitingStatus;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;

/**
 * A referral of a client: by a GP through the API, or an existing waiting-list entry a provider
 * brought in (onboarding, with its original registration date). The Treeknorm clocks start on the
 * registration date. Registering creates the client's one waiting entry and announces both with
 * pseudonymous events: the BSN, name, contact details, full postcode and date of birth stay here.
 */
public record Referral(
        UUID id,
        String clientPseudonym,
        String referrerAgb,
        String region,
        String postcodeArea,
        String ageBand,
        String insurerUzovi,
        DiagnosisGroup diagnosisGroup,
        CareLevel careLevel,
        Urgency urgency,
        String preferredProviderAgb,
        ReferralRequest.Preferences preferences,
        boolean screeningConsent,
        LocalDate registeredOn,
        Source source,
        String registeredBy,
        String clientSupportOrganisation,
        boolean referrerConfirmed) {

    /** How the referral came in. */
    public enum Source { REFERRAL, ONBOARDING }

    /** Who registers, for whom, when. For a GP referral the referrer registers, today. */
    public record Registration(String referrerAgb, String region, LocalDate registeredOn, Source source,
            String registeredBy) {
    }

    /**
     * The referral, the client's personal data (to be stored encrypted, never sent), the waiting
     * entry and the events that announce them (ReferralReceived, then WaitingEntryChanged).
     */
    public record Registered(Referral referral, ClientDetails client, WaitingEntry entry, List<NewEvent> events) {
    }

    public static Registered register(ReferralRequest request, Registration registration,
            PlacementPolicy.Decision placement, ClientPseudonyms pseudonyms, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Referral referral = new Referral(UUID.randomUUID(), pseudonyms.of(request.client().bsn()),
                registration.referrerAgb(), registration.region(), request.client().postcodeArea(),
                AgeBand.of(request.client().dateOfBirth(), today), request.insurerUzovi(), request.diagnosisGroup(),
                request.careLevel(), request.urgency(), request.preferredProviderAgb(), request.preferences(),
                request.screeningConsent(), registration.registeredOn(), registration.source(),
                registration.registeredBy(), request.clientSupportOrganisation(),
                // a GP's own referral confirms the link by being made; an onboarded one names a practice that must
                // confirm it first (issue 11 item 7)
                registration.source() == Source.REFERRAL);
        ReferralReceived payload = new ReferralReceived(referral.id().toString(), referral.clientPseudonym(),
                referral.referrerAgb(), referral.preferredProviderAgb(), referral.postcodeArea(), referral.ageBand(),
                referral.diagnosisGroup(), referral.careLevel(), referral.urgency(), referral.insurerUzovi(),
                referral.registeredOn(),
                new ReferralReceived.Preferences(request.preferences().maxTravelKm(),
                        request.preferences().eHealthAcceptable(), request.preferences().waitForPreferredProvider()),
                referral.screeningConsent());
        NewEvent received = new NewEvent(UUID.randomUUID(), clock.instant(), referral.region(),
                referral.id().toString(), payload);
        EntryOutcome.Changed entry = WaitingEntry.register(referral.id(), referral.region(), referral.clientPseudonym(),
                referral.referrerAgb(), placement.providerAgb(), placement.placement(),
                InitialWaitingStatus.of(referral.urgency(), request.preferences().waitForPreferredProvider()),
                referral.diagnosisGroup(), referral.urgency(), referral.registeredOn(), today, clock);
        List<NewEvent> events = new ArrayList<>(List.of(received));
        if (!referral.referrerConfirmed()) {
            // the named practice must not act on the referral elsewhere either (the transfer table's offers)
            // until it confirmed the link: announced before anything else refers to the referral
            events.add(referral.referrerLinkEvent(clock));
        }
        if (referral.clientSupportOrganisation() != null) {
            events.add(referral.clientSupportEvent(clock));
        }
        events.add(entry.event());
        return new Registered(referral, request.client(), entry.entry(), List.copyOf(events));
    }

    /** A change of the client-support organisation: the referral after it and its announcement. */
    public record SupportChanged(Referral referral, NewEvent event) {
    }

    /**
     * The referring GP names, changes or removes ({@code null}) the client-support organisation acting
     * for the client. Empty when it is already so: nothing changes, nothing is announced.
     */
    public Optional<SupportChanged> changeClientSupport(String organisation, Clock clock) {
        if (Objects.equals(organisation, clientSupportOrganisation)) {
            return Optional.empty();
        }
        Referral changed = new Referral(id, clientPseudonym, referrerAgb, region, postcodeArea, ageBand, insurerUzovi,
                diagnosisGroup, careLevel, urgency, preferredProviderAgb, preferences, screeningConsent, registeredOn,
                source, registeredBy, organisation, referrerConfirmed);
        return Optional.of(new SupportChanged(changed, changed.clientSupportEvent(clock)));
    }

    /** The named practice confirmed the link: the referral after it and its announcement. */
    public record ReferrerConfirmed(Referral referral, NewEvent event) {
    }

    /**
     * The named practice confirmed it referred the client: from now on it sees who the client is, and the
     * other services let it act (announced with {@code ReferrerLinkChanged}). Empty when it was confirmed
     * already: nothing changes, nothing is announced.
     */
    public Optional<ReferrerConfirmed> confirmReferrer(Clock clock) {
        if (referrerConfirmed) {
            return Optional.empty();
        }
        Referral confirmed = new Referral(id, clientPseudonym, referrerAgb, region, postcodeArea, ageBand, insurerUzovi,
                diagnosisGroup, careLevel, urgency, preferredProviderAgb, preferences, screeningConsent, registeredOn,
                source, registeredBy, clientSupportOrganisation, true);
        return Optional.of(new ReferrerConfirmed(confirmed, confirmed.referrerLinkEvent(clock)));
    }

    private NewEvent referrerLinkEvent(Clock clock) {
        return new NewEvent(UUID.randomUUID(), clock.instant(), region, id.toString(),
                new ReferrerLinkChanged(id.toString(), clientPseudonym, referrerAgb, referrerConfirmed));
    }

    private NewEvent clientSupportEvent(Clock clock) {
        return new NewEvent(UUID.randomUUID(), clock.instant(), region, id.toString(),
                new ClientSupportChanged(id.toString(), clientPseudonym, clientSupportOrganisation));
    }
}
