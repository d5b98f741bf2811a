package nl.transfertafel.intake.referral.web;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
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
class GpWorklistIT {

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
    private final String providerAgb = TestData.agb("22");
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    @Test
    void the_worklist_shows_only_the_practices_own_referrals_and_where_each_client_stands() {
        ReferralJson placed = aReferral().to(providerAgb);
        UUID placedId = api.refer(gp, placed).referralId();
        UUID unplacedId = api.refer(gp, aReferral()).referralId();
        UUID someoneElses = api.refer(Actors.gp(TestData.agb("01")), aReferral().to(providerAgb)).referralId();
        api.post(Actors.provider(providerAgb), "/api/v1/waiting-list/" + placedId + "/intake",
                "{\"on\":\"" + today + "\"}").expectStatus().isOk();

        api.get(gp, "/api/v1/referrals").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.referralId == '" + someoneElses + "')]").doesNotExist()
                .jsonPath("$[?(@.referralId == '" + placedId + "')].client.name").isEqualTo(java.util.List.of(placed.get("name")))
                .jsonPath("$[?(@.referralId == '" + placedId + "')].waiting.providerAgb").isEqualTo(java.util.List.of(providerAgb))
                .jsonPath("$[?(@.referralId == '" + placedId + "')].waiting.stage").isEqualTo(java.util.List.of("INTAKE_DONE"))
                .jsonPath("$[?(@.referralId == '" + placedId + "')].waiting.intakeOn").isEqualTo(java.util.List.of(today.toString()))
                .jsonPath("$[?(@.referralId == '" + placedId + "')].waiting.daysWaited").isEqualTo(java.util.List.of(0))
                .jsonPath("$[?(@.referralId == '" + placedId + "')].waiting.treatmentDeadline")
                .isEqualTo(java.util.List.of(today.plusWeeks(10).toString()))
                .jsonPath("$[?(@.referralId == '" + unplacedId + "')].waiting.placement")
                .isEqualTo(java.util.List.of("UNPLACED_NO_PROVIDER"))
                .jsonPath("$[?(@.referralId == '" + unplacedId + "')].waiting.waitingStatus")
                .isEqualTo(java.util.List.of("ACTIVE_PLACEMENT"));
    }

    @Test
    void another_gp_can_neither_read_nor_withdraw_a_referral() {
        UUID id = api.refer(gp, aReferral().to(providerAgb)).referralId();
        String other = Actors.gp(TestData.agb("01"));

        api.get(other, "/api/v1/referrals/" + id).expectStatus().isNotFound();
        api.post(other, "/api/v1/referrals/" + id + "/withdraw", "{\"reason\":\"OTHER\"}").expectStatus().isNotFound();
        api.get(gp, "/api/v1/referrals/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.waiting.stage").isEqualTo("WAITING");
        api.get(Actors.provider(providerAgb), "/api/v1/referrals").expectStatus().isForbidden();
    }

    @Test
    void the_gp_withdraws_with_a_coded_reason_and_the_client_leaves_the_providers_list() {
        UUID id = api.refer(gp, aReferral().to(providerAgb)).referralId();

        api.post(gp, "/api/v1/referrals/" + id + "/withdraw", "{\"reason\":\"NO_LONGER_NEEDED\",\"expectedVersion\":1}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.stage").isEqualTo("WITHDRAWN")
                .jsonPath("$.withdrawalReason").isEqualTo("NO_LONGER_NEEDED")
                .jsonPath("$.version").isEqualTo(2);

        var events = outbox.events(id, WaitingEntryChanged.class);
        assertThat(events.get(events.size() - 1).change()).isEqualTo(Change.WITHDRAWN);
        assertThat(events.get(events.size() - 1).withdrawalReason()).isEqualTo(WithdrawalReason.NO_LONGER_NEEDED);
        api.get(Actors.provider(providerAgb), "/api/v1/waiting-list").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        api.get(gp, "/api/v1/referrals?activeOnly=true").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.referralId == '" + id + "')]").doesNotExist();
        api.post(gp, "/api/v1/referrals/" + id + "/withdraw", "{\"reason\":\"OTHER\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("illegal-transition");
    }

    @Test
    void a_withdrawal_needs_a_known_reason() {
        UUID id = api.refer(gp, aReferral()).referralId();

        api.post(gp, "/api/v1/referrals/" + id + "/withdraw", "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].rule").isEqualTo("NotNull");
    }

    @Test
    void a_client_referred_twice_shows_the_other_open_referral_without_the_other_gps_data() {
        String bsn = TestData.bsn();
        String otherAgb = TestData.agb("02");
        String otherGp = Actors.gp(otherAgb);
        UUID mine = api.refer(gp, aReferral().bsn(bsn)).referralId();
        UUID theirs = api.refer(otherGp, aReferral().bsn(bsn).to(providerAgb)).referralId();
        UUID someoneElse = api.refer(gp, aReferral()).referralId();

        String view = api.get(gp, "/api/v1/referrals/" + mine).expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(view).contains("\"otherOpenReferrals\":1").doesNotContain(otherAgb, theirs.toString(), providerAgb);
        api.get(gp, "/api/v1/referrals").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.referralId == '" + mine + "')].otherOpenReferrals").isEqualTo(java.util.List.of(1))
                .jsonPath("$[?(@.referralId == '" + someoneElse + "')].otherOpenReferrals").isEqualTo(java.util.List.of(0));
        api.get(otherGp, "/api/v1/referrals/" + theirs).expectStatus().isOk().expectBody()
                .jsonPath("$.otherOpenReferrals").isEqualTo(1);

        // the same GP twice without an Idempotency-Key: both referrals show the other
        UUID again = api.refer(gp, aReferral().bsn(bsn)).referralId();
        api.get(gp, "/api/v1/referrals/" + again).expectStatus().isOk().expectBody()
                .jsonPath("$.otherOpenReferrals").isEqualTo(2);

        // a withdrawn referral is no longer open
        api.post(otherGp, "/api/v1/referrals/" + theirs + "/withdraw", "{\"reason\":\"CARE_FOUND_ELSEWHERE\"}")
                .expectStatus().isOk();
        api.get(gp, "/api/v1/referrals/" + mine).expectStatus().isOk().expectBody()
                .jsonPath("$.otherOpenReferrals").isEqualTo(1);
        api.post(gp, "/api/v1/referrals/" + again + "/withdraw", "{\"reason\":\"OTHER\"}").expectStatus().isOk();
        api.get(gp, "/api/v1/referrals/" + mine).expectStatus().isOk().expectBody()
                .jsonPath("$.otherOpenReferrals").isEqualTo(0);
    }

    @Test
    void the_worklist_pages() {
        for (int i = 0; i < 3; i++) {
            api.refer(gp, aReferral());
        }

        WebTestClient.BodyContentSpec page = api.get(gp, "/api/v1/referrals?limit=2&offset=0").expectStatus().isOk().expectBody();
        page.jsonPath("$.length()").isEqualTo(2);
        api.get(gp, "/api/v1/referrals?limit=2&offset=2").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }
}
