package nl.transfertafel.intake.referral.web;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.intake.ClientSupportChanged;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.referral.web.ReferralViews.ReferralCreated;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.Outboxed;
import nl.transfertafel.intake.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Issue 11 item 6 (intake side): the GP names the client-support organisation acting for the client. */
@IntakeIntegrationTest
class ClientSupportIT {

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
    private final String gp = Actors.gp(gpAgb);

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    @Test
    void a_referral_naming_a_support_organisation_announces_it_right_after_the_referral() {
        ReferralCreated created = api.refer(gp, aReferral().with("clientSupportOrganisation", "MEE-Rotterdam"));

        List<EventEnvelope> events = outbox.events(created.referralId());
        assertThat(events).extracting(envelope -> envelope.type())
                .containsExactly("ReferralReceived", "ClientSupportChanged", "WaitingEntryChanged");
        ClientSupportChanged named = events.get(1).payloadAs(ClientSupportChanged.class);
        assertThat(named.referralId()).isEqualTo(created.referralId().toString());
        assertThat(named.supportOrganisation()).isEqualTo("MEE-Rotterdam");
        assertThat(named.clientPseudonym())
                .isEqualTo(events.get(0).payloadAs(ReferralReceived.class).clientPseudonym());
        assertThat(EventSchemas.violations(events.get(1))).isEmpty();
        api.get(gp, "/api/v1/referrals/" + created.referralId()).expectStatus().isOk().expectBody()
                .jsonPath("$.referral.clientSupportOrganisation").isEqualTo("MEE-Rotterdam");
    }

    @Test
    void a_referral_without_one_announces_nothing_about_support() {
        ReferralCreated created = api.refer(gp, aReferral());

        assertThat(outbox.events(created.referralId(), ClientSupportChanged.class)).isEmpty();
        assertThat(outbox.events(created.referralId(), WaitingEntryChanged.class)).hasSize(1);
    }

    @Test
    void the_referring_gp_names_changes_and_removes_the_support_organisation_each_time_announced_and_audited() {
        UUID id = api.refer(gp, aReferral()).referralId();
        String path = "/api/v1/referrals/" + id + "/client-support";

        api.put(gp, path, "{\"clientSupportOrganisation\":\"zorgbelang-zh\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.referralId").isEqualTo(id.toString())
                .jsonPath("$.clientSupportOrganisation").isEqualTo("zorgbelang-zh");
        api.put(gp, path, "{\"clientSupportOrganisation\":\"zorgbelang-zh\"}").expectStatus().isOk();
        api.put(gp, path, "{\"clientSupportOrganisation\":\"MEE-Rotterdam\"}").expectStatus().isOk();
        api.put(gp, path, "{\"clientSupportOrganisation\":null}").expectStatus().isOk().expectBody()
                .jsonPath("$.clientSupportOrganisation").doesNotExist();

        assertThat(outbox.events(id, ClientSupportChanged.class)).extracting(ClientSupportChanged::supportOrganisation)
                .as("the repeated name changed nothing and announced nothing")
                .containsExactly("zorgbelang-zh", "MEE-Rotterdam", null);
        assertThat(outbox.count("select count(*) from audit_log a join referral r on r.client_pseudonym = a.subject_pseudonym"
                + " where r.id = :p0 and a.action = 'set-client-support' and a.organisation = :p1", id, gpAgb))
                .isEqualTo(3);
        api.get(gp, "/api/v1/referrals/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.referral.clientSupportOrganisation").doesNotExist();
    }

    @Test
    void only_the_referring_practice_may_change_it_and_the_code_must_be_one() {
        UUID id = api.refer(gp, aReferral()).referralId();
        String path = "/api/v1/referrals/" + id + "/client-support";

        api.put(Actors.gp(TestData.agb("02")), path, "{\"clientSupportOrganisation\":\"MEE-Rotterdam\"}")
                .expectStatus().isNotFound();
        api.put(Actors.provider(TestData.agb("22")), path, "{\"clientSupportOrganisation\":\"MEE-Rotterdam\"}")
                .expectStatus().isForbidden();
        for (String code : List.of("M", "MEE Rotterdam", "x".repeat(41), "<script>")) {
            api.put(gp, path, "{\"clientSupportOrganisation\":\"" + code + "\"}").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("clientSupportOrganisation")
                    .jsonPath("$.errors[0].rule").isEqualTo("Pattern");
        }
        api.post(gp, "/api/v1/referrals", aReferral().with("clientSupportOrganisation", "a b").json())
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("clientSupportOrganisation");
        api.put(gp, "/api/v1/referrals/" + UUID.randomUUID() + "/client-support",
                "{\"clientSupportOrganisation\":\"MEE-Rotterdam\"}").expectStatus().isNotFound();

        assertThat(outbox.events(id, ClientSupportChanged.class)).isEmpty();
    }

    @Test
    void a_malformed_body_is_refused_and_never_read_as_removing_the_organisation() {
        UUID id = api.refer(gp, aReferral().with("clientSupportOrganisation", "MEE-Rotterdam")).referralId();
        String path = "/api/v1/referrals/" + id + "/client-support";

        for (String malformed : List.of("{'clientSupportOrganisation':'zorgbelang-zh'}",
                "{'clientSupportOrganisation':null}", "{\"clientSupportOrganisation\":", "hello", "[]", "null")) {
            api.put(gp, path, malformed).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json");
        }

        api.put(gp, path, "{}").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");

        assertThat(outbox.events(id, ClientSupportChanged.class)).extracting(ClientSupportChanged::supportOrganisation)
                .as("only the referral's own naming").containsExactly("MEE-Rotterdam");
        api.get(gp, "/api/v1/referrals/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.referral.clientSupportOrganisation").isEqualTo("MEE-Rotterdam");
    }
}
