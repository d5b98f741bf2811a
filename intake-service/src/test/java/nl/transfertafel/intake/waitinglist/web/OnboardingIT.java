package nl.transfertafel.intake.waitinglist.web;

import static nl.transfertafel.intake.testsupport.ReferralJson.anOnboardedEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.ReferrerLinkChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.referral.web.ReferralViews.ReferralCreated;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.Outboxed;
import nl.transfertafel.intake.testsupport.ReferralJson;
import nl.transfertafel.intake.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntakeIntegrationTest
class OnboardingIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    private Api api;
    private Outboxed outbox;
    private final String gpAgb = TestData.agb("01");
    private final String providerAgb = TestData.agb("22");
    private final String provider = Actors.provider(providerAgb);
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    @Test
    void a_provider_brings_in_a_client_with_the_original_registration_date_so_the_wait_is_real() {
        LocalDate registered = today.minusDays(45);
        ReferralCreated created = api.onboard(provider, anOnboardedEntry(gpAgb, registered));

        assertThat(created.registeredOn()).isEqualTo(registered);
        assertThat(created.intakeDeadline()).isEqualTo(registered.plusWeeks(4));
        assertThat(created.placement()).isEqualTo(Placement.PLACED);
        assertThat(created.providerAgb()).isEqualTo(providerAgb);

        ReferralReceived received = outbox.events(created.referralId(), ReferralReceived.class).get(0);
        assertThat(received.registeredOn()).isEqualTo(registered);
        assertThat(received.referrerAgb()).isEqualTo(gpAgb);
        assertThat(received.preferredProviderAgb()).isEqualTo(providerAgb);
        WaitingEntryChanged entry = outbox.events(created.referralId(), WaitingEntryChanged.class).get(0);
        assertThat(entry.change()).isEqualTo(Change.REGISTERED);
        assertThat(entry.statusConfirmedOn()).isEqualTo(today);

        api.get(provider, "/api/v1/waiting-list").expectStatus().isOk().expectBody()
                .jsonPath("$[0].waiting.daysWaited").isEqualTo(45)
                .jsonPath("$[0].referral.source").isEqualTo("ONBOARDING");
        // the named GP sees the entry (to confirm it referred the client), but not who the client is yet
        api.get(Actors.gp(gpAgb), "/api/v1/referrals").expectStatus().isOk().expectBody()
                .jsonPath("$[0].referralId").isEqualTo(created.referralId().toString())
                .jsonPath("$[0].referrerConfirmed").isEqualTo(false)
                .jsonPath("$[0].waiting.providerAgb").isEqualTo(providerAgb);
    }

    @Test
    void the_named_practice_sees_no_name_or_birth_date_and_cannot_act_until_a_gp_of_it_confirms_the_link() {
        ReferralJson entry = anOnboardedEntry(gpAgb, today.minusDays(10)).with("dateOfBirth", "1984-03-05");
        UUID id = api.onboard(provider, entry).referralId();
        String gp = Actors.gp(gpAgb);

        String list = api.get(gp, "/api/v1/referrals").expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        String one = api.get(gp, "/api/v1/referrals/" + id).expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        for (String answer : List.of(list, one)) {
            assertThat(answer).contains(id.toString(), "\"referrerConfirmed\":false")
                    .doesNotContain((String) entry.get("name"), "1984-03-05", (String) entry.get("bsn"),
                            (String) entry.get("email"));
        }
        assertThat(outbox.count("select count(*) from audit_log where organisation = :p0", gpAgb))
                .as("nothing personal was read, so nothing to audit").isZero();
        api.post(gp, "/api/v1/referrals/" + id + "/withdraw", "{\"reason\":\"OTHER\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("referrer-unconfirmed");
        api.put(gp, "/api/v1/referrals/" + id + "/client-support", "{\"clientSupportOrganisation\":\"MEE-Rotterdam\"}")
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("referrer-unconfirmed");

        String confirm = "/api/v1/referrals/" + id + "/confirm-referrer";
        String rightClient = "{\"bsn\":\"" + entry.get("bsn") + "\"}";
        api.post(Actors.gp(TestData.agb("03")), confirm, rightClient).expectStatus().isNotFound();
        api.post(provider, confirm, rightClient).expectStatus().isForbidden();
        api.post(gp, confirm, "{\"bsn\":\"" + TestData.bsn() + "\"}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("bsn").jsonPath("$.errors[0].rule").isEqualTo("SameClient");
        api.get(gp, "/api/v1/referrals/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.referrerConfirmed").isEqualTo(false).jsonPath("$.client").doesNotExist();

        api.post(gp, confirm, rightClient).expectStatus().isOk().expectBody()
                .jsonPath("$.referrerConfirmed").isEqualTo(true)
                .jsonPath("$.client.name").isEqualTo(entry.get("name"))
                .jsonPath("$.client.dateOfBirth").isEqualTo("1984-03-05");
        api.post(gp, confirm, rightClient).expectStatus().isOk();
        assertThat(outbox.count("select count(*) from audit_log where organisation = :p0 and action = 'confirm-referrer'",
                gpAgb)).isEqualTo(1);
        api.post(gp, "/api/v1/referrals/" + id + "/withdraw", "{\"reason\":\"OTHER\"}").expectStatus().isOk();
    }

    @Test
    void the_link_is_announced_unconfirmed_with_the_onboarding_and_confirmed_once_when_the_practice_confirms() {
        ReferralJson entry = anOnboardedEntry(gpAgb, today.minusDays(5));
        UUID id = api.onboard(provider, entry).referralId();

        assertThat(outbox.events(id)).extracting(EventEnvelope::type)
                .as("in the onboarding's transaction, right after the referral")
                .containsExactly("ReferralReceived", "ReferrerLinkChanged", "WaitingEntryChanged");
        String pseudonym = outbox.events(id, ReferralReceived.class).get(0).clientPseudonym();
        assertThat(outbox.events(id, ReferrerLinkChanged.class))
                .containsExactly(new ReferrerLinkChanged(id.toString(), pseudonym, gpAgb, false));

        String confirm = "/api/v1/referrals/" + id + "/confirm-referrer";
        api.post(Actors.gp(gpAgb), confirm, "{\"bsn\":\"" + TestData.bsn() + "\"}").expectStatus().isBadRequest();
        assertThat(outbox.events(id, ReferrerLinkChanged.class)).as("a refused confirmation announces nothing").hasSize(1);
        api.post(Actors.gp(gpAgb), confirm, "{\"bsn\":\"" + entry.get("bsn") + "\"}").expectStatus().isOk();
        api.post(Actors.gp(gpAgb), confirm, "{\"bsn\":\"" + entry.get("bsn") + "\"}").expectStatus().isOk();

        assertThat(outbox.events(id, ReferrerLinkChanged.class)).containsExactly(
                new ReferrerLinkChanged(id.toString(), pseudonym, gpAgb, false),
                new ReferrerLinkChanged(id.toString(), pseudonym, gpAgb, true));
    }

    @Test
    void a_gp_referral_needs_no_confirmation() {
        UUID id = api.refer(Actors.gp(gpAgb), nl.transfertafel.intake.testsupport.ReferralJson.aReferral()).referralId();

        api.get(Actors.gp(gpAgb), "/api/v1/referrals/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.referrerConfirmed").isEqualTo(true).jsonPath("$.client.name").exists();
        assertThat(outbox.events(id, ReferrerLinkChanged.class)).as("confirmed by being made: nothing to announce")
                .isEmpty();
    }

    @Test
    void onboarding_is_idempotent_with_a_key() {
        String key = UUID.randomUUID().toString();
        String body = anOnboardedEntry(gpAgb, today.minusDays(3)).json();

        var first = api.post(provider, "/api/v1/waiting-list/entries", body, key).expectStatus().isCreated()
                .expectBody(ReferralCreated.class).returnResult().getResponseBody();
        var second = api.post(provider, "/api/v1/waiting-list/entries", body, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(ReferralCreated.class).returnResult().getResponseBody();

        assertThat(second).isEqualTo(first);
        assertThat(outbox.count("select count(*) from referral where registered_by = :p0", providerAgb)).isEqualTo(1);
        api.post(provider, "/api/v1/waiting-list/entries", anOnboardedEntry(gpAgb, today.minusDays(4)).json(), key)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("idempotency-key-reused");
    }

    @Test
    void the_registration_date_is_today_or_earlier_and_at_most_ten_years_ago_and_the_gp_is_an_agb() {
        expectInvalid(anOnboardedEntry(gpAgb, today.plusDays(1)).json(), "registeredOn", "PastOrPresent");
        expectInvalid(anOnboardedEntry(gpAgb, today.minusYears(10).minusDays(1)).json(), "registeredOn", "WithinYears");
        expectInvalid(anOnboardedEntry("0100", today).json(), "referrerAgb", "Pattern");
        expectInvalid(anOnboardedEntry(gpAgb, today).without("referrerAgb").json(), "referrerAgb", "NotNull");
        expectInvalid(anOnboardedEntry(gpAgb, today).with("bsn", "123456789").json(), "bsn", "ElevenTest");
        api.onboard(provider, anOnboardedEntry(gpAgb, today.minusYears(10)));
        assertThat(outbox.count("select count(*) from referral where registered_by = :p0", providerAgb)).isEqualTo(1);
    }

    @Test
    void an_implausible_birth_date_is_refused_also_when_onboarding() {
        expectInvalid(anOnboardedEntry(gpAgb, today).with("dateOfBirth", "1850-01-01").json(), "dateOfBirth",
                "WithinYears");
        expectInvalid(anOnboardedEntry(gpAgb, today).with("dateOfBirth", today.plusDays(3).toString()).json(),
                "dateOfBirth", "Past");
        // registered on the waiting list before the client was born
        expectInvalid(anOnboardedEntry(gpAgb, today.minusYears(2)).with("dateOfBirth", today.minusYears(1).toString())
                .json(), "registeredOn", "NotBeforeBirth");
        assertThat(outbox.count("select count(*) from referral where registered_by = :p0", providerAgb)).isZero();
    }

    @Test
    void only_a_provider_onboards_and_only_onto_its_own_list() {
        api.post(Actors.gp(gpAgb), "/api/v1/waiting-list/entries", anOnboardedEntry(gpAgb, today).json())
                .expectStatus().isForbidden();
        // a body cannot put the entry on another list: a field naming another provider is refused outright
        api.post(provider, "/api/v1/waiting-list/entries", anOnboardedEntry(gpAgb, today)
                        .with("preferredProviderAgb", TestData.agb("29")).json())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("preferredProviderAgb")
                .jsonPath("$.errors[0].rule").isEqualTo("unknown-field");
        ReferralCreated created = api.onboard(provider, anOnboardedEntry(gpAgb, today));

        assertThat(created.providerAgb()).as("the entry goes onto the onboarding provider's own list").isEqualTo(providerAgb);
    }

    private void expectInvalid(String body, String field, String rule) {
        WebTestClient.BodyContentSpec problem = api.post(provider, "/api/v1/waiting-list/entries", body)
                .expectStatus().isBadRequest().expectBody();
        problem.jsonPath("$.errors[?(@.field == '" + field + "')].rule").isEqualTo(List.of(rule));
    }
}
