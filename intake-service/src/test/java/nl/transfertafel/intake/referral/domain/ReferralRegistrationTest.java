package nl.transfertafel.intake.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.ReferrerLinkChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.intake.client.domain.ClientDetails;
import nl.transfertafel.intake.client.domain.ClientPseudonyms;
import nl.transfertafel.intake.restriction.domain.PlacementPolicy;
import org.junit.jupiter.api.Test;

class ReferralRegistrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final ClientPseudonyms pseudonyms = new ClientPseudonyms("a-test-key-of-sufficient-length");
    private final ClientDetails client = new ClientDetails("111222333", "Jan Jansen", LocalDate.of(1990, 4, 1), "3011AB",
            "jan@example.org", "+31612345678", ClientDetails.Language.NL);

    @Test
    void a_gp_referral_starts_both_treeknorm_clocks_and_places_the_entry_at_the_preferred_provider() {
        Referral.Registered registered = register(request("22000001", Urgency.REGULAR, false),
                new Referral.Registration("01000001", "rotterdam", TODAY, Referral.Source.REFERRAL, "01000001"),
                new PlacementPolicy.Decision(Placement.PLACED, "22000001"));

        assertThat(registered.referral().registeredOn()).isEqualTo(TODAY);
        assertThat(registered.entry().intakeDeadline()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(registered.entry().treatmentDeadline()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(registered.entry().providerAgb()).isEqualTo("22000001");
        assertThat(registered.entry().version()).isEqualTo(1);
        assertThat(registered.entry().statusConfirmedOn()).isEqualTo(TODAY);
        assertThat(registered.events()).extracting(event -> (Object) event.payload().getClass())
                .containsExactly(ReferralReceived.class, WaitingEntryChanged.class);
    }

    @Test
    void the_events_carry_a_pseudonym_and_matching_facts_but_no_personal_data() {
        Referral.Registered registered = register(request("22000001", Urgency.URGENT, true),
                new Referral.Registration("01000001", "rotterdam", TODAY, Referral.Source.REFERRAL, "01000001"),
                new PlacementPolicy.Decision(Placement.PLACED, "22000001"));

        ReferralReceived received = (ReferralReceived) registered.events().get(0).payload();
        assertThat(received.clientPseudonym()).isEqualTo(pseudonyms.of("111222333"));
        assertThat(received.postcodeArea()).isEqualTo("3011");
        assertThat(received.ageBand()).isEqualTo("35-44");
        assertThat(received.preferences().waitForPreferredProvider()).isTrue();
        WaitingEntryChanged changed = (WaitingEntryChanged) registered.events().get(1).payload();
        assertThat(changed.change()).isEqualTo(Change.REGISTERED);
        assertThat(changed.waitingStatus()).isEqualTo(WaitingStatus.URGENT_PLACEMENT);
        for (var event : registered.events()) {
            var envelope = EventJson.envelop(event, event.eventId());
            assertThat(EventSchemas.violations(envelope)).isEmpty();
            assertThat(EventJson.write(envelope)).doesNotContain("111222333", "Jan", "1990-04-01", "3011AB",
                    "jan@example.org", "+31612345678");
        }
    }

    @Test
    void an_onboarded_entry_keeps_its_original_registration_date_and_counts_as_confirmed_today() {
        LocalDate original = TODAY.minusDays(45);
        Referral.Registered registered = register(request("22000001", Urgency.REGULAR, false),
                new Referral.Registration("01000001", "rotterdam", original, Referral.Source.ONBOARDING, "22000001"),
                new PlacementPolicy.Decision(Placement.PLACED, "22000001"));

        assertThat(registered.entry().registeredOn()).isEqualTo(original);
        assertThat(registered.entry().intakeDeadline()).isEqualTo(original.plusWeeks(4));
        assertThat(registered.entry().daysWaited(TODAY)).isEqualTo(45);
        assertThat(registered.entry().statusConfirmedOn()).isEqualTo(TODAY);
        assertThat(((ReferralReceived) registered.events().get(0).payload()).registeredOn()).isEqualTo(original);
    }

    @Test
    void an_onboarded_entry_announces_the_named_practice_as_unconfirmed_right_after_the_referral() {
        Referral.Registered registered = register(request("22000001", Urgency.REGULAR, false),
                new Referral.Registration("01000001", "rotterdam", TODAY.minusDays(3), Referral.Source.ONBOARDING,
                        "22000001"),
                new PlacementPolicy.Decision(Placement.PLACED, "22000001"));

        assertThat(registered.events()).extracting(event -> (Object) event.payload().getClass())
                .containsExactly(ReferralReceived.class, ReferrerLinkChanged.class, WaitingEntryChanged.class);
        String id = registered.referral().id().toString();
        assertThat(registered.events().get(1).payload())
                .isEqualTo(new ReferrerLinkChanged(id, pseudonyms.of("111222333"), "01000001", false));
        assertThat(registered.events().get(1).aggregateId()).isEqualTo(id);
        assertThat(EventSchemas.violations(EventJson.envelop(registered.events().get(1), registered.events().get(1).eventId())))
                .isEmpty();
    }

    @Test
    void confirming_the_link_announces_it_once() {
        Referral onboarded = register(request("22000001", Urgency.REGULAR, false),
                new Referral.Registration("01000001", "rotterdam", TODAY, Referral.Source.ONBOARDING, "22000001"),
                new PlacementPolicy.Decision(Placement.PLACED, "22000001")).referral();

        Referral.ReferrerConfirmed confirmation = onboarded.confirmReferrer(clock).orElseThrow();

        assertThat(confirmation.referral().referrerConfirmed()).isTrue();
        assertThat(confirmation.event().payload()).isEqualTo(new ReferrerLinkChanged(onboarded.id().toString(),
                onboarded.clientPseudonym(), "01000001", true));
        assertThat(confirmation.referral().confirmReferrer(clock)).as("confirmed already: nothing to announce").isEmpty();
    }

    @Test
    void an_unplaced_referral_has_no_provider_yet() {
        Referral.Registered registered = register(request("22000001", Urgency.REGULAR, false),
                new Referral.Registration("01000001", "rotterdam", TODAY, Referral.Source.REFERRAL, "01000001"),
                new PlacementPolicy.Decision(Placement.UNPLACED_REGISTRATION_STOP, null));

        assertThat(registered.entry().placement()).isEqualTo(Placement.UNPLACED_REGISTRATION_STOP);
        assertThat(registered.entry().providerAgb()).isNull();
        assertThat(((WaitingEntryChanged) registered.events().get(1).payload()).providerAgb()).isNull();
        assertThat(((ReferralReceived) registered.events().get(0).payload()).preferredProviderAgb()).isEqualTo("22000001");
    }

    private Referral.Registered register(ReferralRequest request, Referral.Registration registration,
            PlacementPolicy.Decision placement) {
        return Referral.register(request, registration, placement, pseudonyms, clock);
    }

    private ReferralRequest request(String preferred, Urgency urgency, boolean waitForPreferred) {
        return new ReferralRequest(client, "3311", DiagnosisGroup.TRAUMA, CareLevel.SPECIALIST, urgency, preferred,
                new ReferralRequest.Preferences(30, true, waitForPreferred), true, null);
    }
}
