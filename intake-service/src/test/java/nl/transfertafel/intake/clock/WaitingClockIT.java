package nl.transfertafel.intake.clock;

import static nl.transfertafel.intake.testsupport.ReferralJson.anOnboardedEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled.Level;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled.Norm;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.clock.application.WaitingClockJob;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.MutableClock;
import nl.transfertafel.intake.testsupport.Outboxed;
import nl.transfertafel.intake.testsupport.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The Treeknorm and stale-status job on the service's clock, which these tests move forward. */
@IntakeIntegrationTest
class WaitingClockIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    WaitingClockJob job;
    @Autowired
    MutableClock clock;

    private Api api;
    private Outboxed outbox;
    private final String gpAgb = TestData.agb("01");
    private final String providerAgb = TestData.agb("22");
    private final String provider = Actors.provider(providerAgb);

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signals_go_out_once_per_entry_norm_and_level() {
        LocalDate today = LocalDate.now(clock);
        UUID id = api.onboard(provider, anOnboardedEntry(gpAgb, today.minusDays(22))).referralId();
        LocalDate deadline = today.minusDays(22).plusWeeks(4);

        job.run().block();
        job.run().block();
        assertThat(signals(id)).extracting(TreeknormSignalled::norm, TreeknormSignalled::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Norm.INTAKE, Level.AT_RISK));
        TreeknormSignalled atRisk = signals(id).get(0);
        assertThat(atRisk.deadline()).isEqualTo(deadline);
        assertThat(atRisk.providerAgb()).isEqualTo(providerAgb);
        assertThat(atRisk.referrerAgb()).isEqualTo(gpAgb);

        clock.advance(Duration.ofDays(7));
        job.run().block();
        job.run().block();
        assertThat(signals(id)).extracting(TreeknormSignalled::norm, TreeknormSignalled::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Norm.INTAKE, Level.AT_RISK),
                org.assertj.core.groups.Tuple.tuple(Norm.INTAKE, Level.BREACHED));
        assertThat(outbox.count("select count(*) from treeknorm_signal where referral_id = :p0", id)).isEqualTo(2);
    }

    @Test
    void the_intake_stops_the_intake_clock_and_the_treatment_clock_runs_from_it() {
        LocalDate today = LocalDate.now(clock);
        UUID id = api.onboard(provider, anOnboardedEntry(gpAgb, today.minusDays(10))).referralId();
        api.post(provider, "/api/v1/waiting-list/" + id + "/intake", "{\"on\":\"" + today + "\"}").expectStatus().isOk();

        clock.advance(Duration.ofDays(28));
        job.run().block();
        assertThat(signals(id)).as("no intake signal after the intake; treatment not yet at risk").isEmpty();

        clock.advance(Duration.ofDays(70 - 28 - 3));
        job.run().block();
        assertThat(signals(id)).extracting(TreeknormSignalled::norm, TreeknormSignalled::level, TreeknormSignalled::deadline)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Norm.TREATMENT, Level.AT_RISK, today.plusWeeks(10)));
    }

    @Test
    void a_status_nobody_confirms_goes_stale_once_until_someone_confirms_it() {
        UUID id = api.onboard(provider, anOnboardedEntry(gpAgb, LocalDate.now(clock).minusDays(2))).referralId();

        clock.advance(Duration.ofDays(29));
        job.run().block();
        assertThat(changes(id)).containsExactly(Change.REGISTERED);

        clock.advance(Duration.ofDays(1));
        job.run().block();
        job.run().block();
        assertThat(changes(id)).containsExactly(Change.REGISTERED, Change.STALE);
        api.get(provider, "/api/v1/waiting-list").expectStatus().isOk().expectBody()
                .jsonPath("$[0].waiting.stale").isEqualTo(true);

        api.post(provider, "/api/v1/waiting-list/" + id + "/status-confirmation", "{}").expectStatus().isOk()
                .expectBody().jsonPath("$.stale").isEqualTo(false);
        job.run().block();
        assertThat(changes(id)).containsExactly(Change.REGISTERED, Change.STALE, Change.STATUS_CONFIRMED);

        clock.advance(Duration.ofDays(30));
        job.run().block();
        assertThat(changes(id)).containsExactly(Change.REGISTERED, Change.STALE, Change.STATUS_CONFIRMED, Change.STALE);
        assertThat(outbox.events(id, WaitingEntryChanged.class)).extracting(WaitingEntryChanged::version)
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void the_edge_and_the_domain_agree_on_what_day_it_is() {
        clock.advance(Duration.ofDays(40));
        LocalDate serviceToday = LocalDate.now(clock);

        var created = api.onboard(provider, anOnboardedEntry(gpAgb, serviceToday.minusDays(1)));

        assertThat(created.registeredOn()).isEqualTo(serviceToday.minusDays(1));
        api.post(provider, "/api/v1/waiting-list/entries", anOnboardedEntry(gpAgb, serviceToday.plusDays(1)).json())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].rule").isEqualTo("PastOrPresent");
    }

    @Test
    void signals_are_counted_per_region_norm_and_level() {
        UUID id = api.onboard(provider, anOnboardedEntry(gpAgb, LocalDate.now(clock).minusDays(100))).referralId();

        job.run().block();

        assertThat(signals(id)).hasSize(2);
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(nl.transfertafel.testkit.TestStack.tokens().token("prometheus", java.util.List.of("METRICS"), null, null))).exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).containsPattern(
                        "transfertafel_treeknorm_signals_total\\{[^}]*level=\"BREACHED\"[^}]*norm=\"TREATMENT\"[^}]*region=\"rotterdam\"[^}]*\\} [1-9]"));
    }

    private List<TreeknormSignalled> signals(UUID id) {
        return outbox.events(id, TreeknormSignalled.class);
    }

    private List<Change> changes(UUID id) {
        return outbox.events(id, WaitingEntryChanged.class).stream().map(WaitingEntryChanged::change).toList();
    }
}
