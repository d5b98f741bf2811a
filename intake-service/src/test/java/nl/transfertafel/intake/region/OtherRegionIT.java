package nl.transfertafel.intake.region;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static nl.transfertafel.intake.testsupport.ReferralJson.anOnboardedEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
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

/**
 * Issue 11 item 17 (corpus): actors act only in their own region. The same organisation (AGB code)
 * with a token of another region sees none of the region's referrals or entries: they are answered
 * as not found, like any other that is not theirs, and nothing changes (no outbox row, no audit row).
 */
@IntakeIntegrationTest
class OtherRegionIT {

    private static final String OTHER_REGION = "utrecht";

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

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    @Test
    void a_provider_of_the_same_agb_in_another_region_cannot_change_the_entry() {
        UUID id = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb)).referralId();
        String elsewhere = Actors.provider(providerAgb, OTHER_REGION);
        int events = outbox.events(id).size();
        long audited = audited(providerAgb);

        String entry = "/api/v1/waiting-list/" + id;
        api.put(elsewhere, entry + "/status", "{\"status\":\"URGENT_PLACEMENT\"}").expectStatus().isNotFound();
        api.post(elsewhere, entry + "/withdraw", "{\"reason\":\"OTHER\"}").expectStatus().isNotFound();
        api.post(elsewhere, entry + "/intake", "{\"on\":\"" + LocalDate.now() + "\"}").expectStatus().isNotFound();
        api.post(elsewhere, entry + "/status-confirmation", "{}").expectStatus().isNotFound();
        api.get(elsewhere, "/api/v1/waiting-list").expectStatus().isOk().expectBody(String.class)
                .value(list -> assertThat(list).doesNotContain(id.toString()));

        assertThat(outbox.events(id)).as("nothing announced").hasSize(events);
        assertThat(audited(providerAgb)).as("no personal data read or changed from another region").isEqualTo(audited);
        api.put(Actors.provider(providerAgb), entry + "/status", "{\"status\":\"URGENT_PLACEMENT\"}")
                .expectStatus().isOk();
    }

    @Test
    void a_gp_of_the_same_practice_in_another_region_neither_sees_nor_changes_the_referral() {
        UUID id = api.refer(Actors.gp(gpAgb), aReferral()).referralId();
        String elsewhere = Actors.gp(gpAgb, OTHER_REGION);
        int events = outbox.events(id).size();
        long audited = audited(gpAgb);

        String referral = "/api/v1/referrals/" + id;
        api.get(elsewhere, referral).expectStatus().isNotFound();
        api.put(elsewhere, referral + "/client-support", "{\"clientSupportOrganisation\":\"MEE-Rotterdam\"}")
                .expectStatus().isNotFound();
        api.post(elsewhere, referral + "/withdraw", "{\"reason\":\"OTHER\"}").expectStatus().isNotFound();
        api.get(elsewhere, "/api/v1/referrals").expectStatus().isOk().expectBody(String.class)
                .value(list -> assertThat(list).doesNotContain(id.toString()));

        assertThat(outbox.events(id)).as("nothing announced").hasSize(events);
        assertThat(audited(gpAgb)).as("no personal data read or changed from another region").isEqualTo(audited);
    }

    @Test
    void a_gp_of_the_named_practice_in_another_region_cannot_confirm_the_link() {
        ReferralJson entry = anOnboardedEntry(gpAgb, LocalDate.now().minusDays(10));
        UUID id = api.onboard(Actors.provider(providerAgb), entry).referralId();
        int events = outbox.events(id).size();
        long audited = audited(gpAgb);

        api.post(Actors.gp(gpAgb, OTHER_REGION), "/api/v1/referrals/" + id + "/confirm-referrer",
                "{\"bsn\":\"" + entry.get("bsn") + "\"}").expectStatus().isNotFound();

        assertThat(outbox.events(id)).as("nothing announced").hasSize(events);
        assertThat(audited(gpAgb)).as("no personal data read or changed from another region").isEqualTo(audited);
        api.post(Actors.gp(gpAgb), "/api/v1/referrals/" + id + "/confirm-referrer",
                "{\"bsn\":\"" + entry.get("bsn") + "\"}").expectStatus().isOk();
    }

    private long audited(String organisation) {
        return outbox.count("select count(*) from audit_log where organisation = :p0", organisation);
    }
}
