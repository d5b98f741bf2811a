package nl.transfertafel.intake.figures;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static nl.transfertafel.intake.testsupport.ReferralJson.anOnboardedEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.figures.infrastructure.FiguresGauges;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Each test uses a region of its own, so its figures are exactly what it created. */
@IntakeIntegrationTest
class FiguresIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    FiguresGauges gauges;

    private Api api;
    private final String gpAgb = TestData.agb("01");
    private final String providerA = TestData.agb("22");
    private final String providerB = TestData.agb("23");
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        api = new Api(web);
    }

    @Test
    void a_client_on_two_lists_counts_once() {
        String region = "zeeland";
        String gp = Actors.gp(gpAgb, region);
        String twice = TestData.bsn();
        api.refer(gp, aReferral().bsn(twice).to(providerA).group("ANXIETY"));
        api.refer(gp, aReferral().bsn(twice).to(providerB).group("ANXIETY"));
        api.refer(gp, aReferral().bsn(twice).to(providerB).group("DEPRESSION"));
        api.refer(gp, aReferral().to(providerA).group("ANXIETY").urgent());

        api.get(Actors.coordinator(region), "/api/v1/figures").expectStatus().isOk().expectBody()
                .jsonPath("$.region").isEqualTo(region)
                .jsonPath("$.total.uniqueWaiting").isEqualTo(2)
                .jsonPath("$.total.waitingEntries").isEqualTo(4)
                .jsonPath("$.total.byWaitingStatus.ACTIVE_PLACEMENT").isEqualTo(1)
                .jsonPath("$.total.byWaitingStatus.URGENT_PLACEMENT").isEqualTo(1)
                .jsonPath("$.byDiagnosisGroup[?(@.diagnosisGroup == 'ANXIETY')].uniqueWaiting").isEqualTo(List.of(2))
                .jsonPath("$.byDiagnosisGroup[?(@.diagnosisGroup == 'ANXIETY')].waitingEntries").isEqualTo(List.of(3))
                .jsonPath("$.byDiagnosisGroup[?(@.diagnosisGroup == 'DEPRESSION')].uniqueWaiting").isEqualTo(List.of(1));

        gauges.refresh().block();
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(nl.transfertafel.testkit.TestStack.tokens().token("prometheus", java.util.List.of("METRICS"), null, null))).exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> {
                    assertThat(body).containsPattern(
                            "transfertafel_waiting_unique\\{diagnosis_group=\"ALL\",region=\"zeeland\"[^}]*\\} 2\\.0");
                    assertThat(body).containsPattern(
                            "transfertafel_waiting_unique\\{diagnosis_group=\"ANXIETY\",region=\"zeeland\"[^}]*\\} 2\\.0");
                    assertThat(body).containsPattern(
                            "transfertafel_waiting_by_status\\{diagnosis_group=\"ALL\",region=\"zeeland\"[^}]*waiting_status=\"URGENT_PLACEMENT\"\\} 1\\.0");
                    assertThat(body).doesNotContain(twice);
                });
    }

    @Test
    void clients_beyond_each_norm_and_intakes_and_treatment_starts_per_month_are_counted() {
        String region = "friesland";
        String provider = Actors.provider(providerA, region);
        api.onboard(provider, anOnboardedEntry(gpAgb, today.minusDays(40)).group("TRAUMA"));
        api.onboard(provider, anOnboardedEntry(gpAgb, today.minusDays(100)).group("TRAUMA"));
        UUID treated = api.onboard(provider, anOnboardedEntry(gpAgb, today.minusDays(10)).group("TRAUMA")).referralId();
        api.post(provider, "/api/v1/waiting-list/" + treated + "/intake", "{\"on\":\"" + today + "\"}").expectStatus().isOk();
        UUID started = api.onboard(provider, anOnboardedEntry(gpAgb, today.minusDays(5)).group("ADHD")).referralId();
        api.post(provider, "/api/v1/waiting-list/" + started + "/intake", "{\"on\":\"" + today + "\"}").expectStatus().isOk();
        api.post(provider, "/api/v1/waiting-list/" + started + "/treatment-start", "{\"on\":\"" + today + "\"}")
                .expectStatus().isOk();
        String month = YearMonth.from(today).toString();

        api.get(Actors.insurer(region), "/api/v1/figures").expectStatus().isOk().expectBody()
                .jsonPath("$.total.uniqueWaiting").isEqualTo(3)
                .jsonPath("$.total.beyondIntakeNorm").isEqualTo(2)
                .jsonPath("$.total.beyondTreatmentNorm").isEqualTo(1)
                .jsonPath("$.months[?(@.diagnosisGroup == 'TRAUMA' && @.month == '" + month + "')].intakes").isEqualTo(List.of(1))
                .jsonPath("$.months[?(@.diagnosisGroup == 'ADHD' && @.month == '" + month + "')].intakes").isEqualTo(List.of(1))
                .jsonPath("$.months[?(@.diagnosisGroup == 'ADHD' && @.month == '" + month + "')].treatmentStarts")
                .isEqualTo(List.of(1));
    }

    @Test
    void a_provider_sees_its_own_figures() {
        String region = "drenthe";
        api.refer(Actors.gp(gpAgb, region), aReferral().to(providerA));
        api.refer(Actors.gp(gpAgb, region), aReferral().to(providerB));

        api.get(Actors.provider(providerA), "/api/v1/figures").expectStatus().isOk().expectBody()
                .jsonPath("$.providerAgb").isEqualTo(providerA)
                .jsonPath("$.region").doesNotExist()
                .jsonPath("$.total.uniqueWaiting").isEqualTo(1);
    }

    @Test
    void coordinators_and_insurers_see_their_own_region_and_an_admin_any() {
        api.get(Actors.coordinator("rotterdam"), "/api/v1/figures?region=zeeland").expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("own-region-only");
        api.get(Actors.provider(providerA), "/api/v1/figures?region=rotterdam").expectStatus().isForbidden();
        api.get(Actors.admin(), "/api/v1/figures?region=groningen").expectStatus().isOk().expectBody()
                .jsonPath("$.region").isEqualTo("groningen").jsonPath("$.total.uniqueWaiting").isEqualTo(0);
        api.get(Actors.admin(), "/api/v1/figures?region=atlantis").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("region");
        api.get(Actors.gp(gpAgb), "/api/v1/figures").expectStatus().isForbidden();
        api.get(null, "/api/v1/figures").expectStatus().isUnauthorized();
    }
}
