package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.transfertafel.localstack.browser.Accessibility;
import nl.transfertafel.localstack.browser.Browser;
import nl.transfertafel.localstack.browser.CoordinatorPage;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 item 2 across the services, in one stack: a provider of the demo region (registered here) with
 * two waiting clients announces that it closes; capacity-service ends its lines and stops registrations
 * from the end date; the transfer table makes its clients a closure case, matches them region-wide to
 * another provider's places, two coordinators of other organisations approve (four eyes), and the case
 * shows them offered. Then the coordinator page in Chromium shows the closure view with that progress
 * (screenshot under {@code target/screenshots/}). One class, one stack: local-stack ITs are slow.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderClosureIT {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final String CLOSING = "22970001";
    static final String RECEIVING = "22970002";

    private static LocalStack stack;
    private static String closureId;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.randomPorts(true));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void a_closing_providers_clients_move_through_bulk_matching_and_four_eyes_screening_to_offers() {
        register(CLOSING, "Sluitende ggz-instelling");
        JsonNode receiving = register(RECEIVING, "Overnemende ggz-instelling");
        List<String> referrals = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> referral = post(ServiceKind.INTAKE, "/api/v1/referrals", stack.tokenFor(DemoUsers.GP),
                    Map.ofEntries(Map.entry("bsn", bsn(random)), Map.entry("name", "Test Sluiting " + i),
                            Map.entry("dateOfBirth", "1985-05-0" + (i + 1)), Map.entry("postcode", "3011 AB"),
                            Map.entry("insurerUzovi", DemoUsers.INSURER_UZOVI), Map.entry("diagnosisGroup", "EATING"),
                            Map.entry("careLevel", "SPECIALIST"), Map.entry("urgency", "REGULAR"),
                            Map.entry("preferredProviderAgb", CLOSING), Map.entry("maxTravelKm", 30),
                            Map.entry("eHealthAcceptable", false), Map.entry("screeningConsent", true)));
            assertThat(referral.statusCode()).as(referral.body()).isEqualTo(201);
            referrals.add(json(referral.body()).get("referralId").asText());
        }
        String coordinator = stack.tokenFor(DemoUsers.COORDINATOR_A);
        // the transfer table knows both clients at the closing provider before the closure is announced
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode known = json(get(ServiceKind.TRANSFER_TABLE, "/api/v1/waiting-clients", coordinator).body());
            long atClosing = 0;
            for (JsonNode client : known) {
                if (referrals.contains(client.path("referralId").asText())
                        && CLOSING.equals(client.path("currentProviderAgb").asText())) {
                    atClosing++;
                }
            }
            assertThat(atClosing).isEqualTo(2);
        });

        HttpResponse<String> closure = post(ServiceKind.CAPACITY, "/api/v1/providers/" + CLOSING + "/closures",
                providerToken(CLOSING), Map.of("endDate", LocalDate.now().plusDays(45).toString(),
                        "handoverContact", "Intake desk Sluitende ggz-instelling, 010 111 2222"));
        assertThat(closure.statusCode()).as(closure.body()).isEqualTo(201);
        closureId = json(closure.body()).get("closureId").asText();
        JsonNode status = json(get(ServiceKind.CAPACITY, "/api/v1/providers/" + CLOSING + "/registration-status?date="
                + LocalDate.now().plusDays(45), coordinator).body());
        assertThat(status).allSatisfy(g -> assertThat(g.get("status").asText()).isEqualTo("STOPPED"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json(get(ServiceKind.TRANSFER_TABLE, "/api/v1/closures/" + closureId, coordinator).body())
                        .path("report").path("clients").asInt()).isEqualTo(2));

        // the region has places at another provider: the clients are matched to them and screened by four eyes
        HttpResponse<String> line = post(ServiceKind.CAPACITY, "/api/v1/capacity", providerToken(RECEIVING),
                Map.of("locationId", receiving.path("locations").get(0).path("locationId").asText(),
                        "offeringId", receiving.path("offerings").get(0).path("offeringId").asText(),
                        "places", 2, "availableFrom", LocalDate.now().toString(),
                        "availableUntil", LocalDate.now().plusDays(60).toString()));
        assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        HttpResponse<String> contract = StackHttp.put(stack.url(ServiceKind.CAPACITY) + "/api/v1/contracts/"
                + DemoUsers.INSURER_UZOVI + "/" + RECEIVING, stack.tokenFor(DemoUsers.INSURER),
                Map.of("contracted", true, "ceilingReached", false));
        assertThat(contract.statusCode()).as(contract.body()).isIn(200, 201);

        List<String> proposals = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            proposals.clear();
            JsonNode detail = json(get(ServiceKind.TRANSFER_TABLE, "/api/v1/closures/" + closureId, coordinator).body());
            for (JsonNode member : detail.path("members")) {
                if (!member.path("proposalId").asText().isEmpty()) {
                    proposals.add(member.path("proposalId").asText());
                }
            }
            assertThat(proposals).hasSize(2);
            assertThat(detail.path("report").path("inScreening").asInt()).isEqualTo(2);
        });
        for (String proposal : proposals) {
            // (the closure tier of the objective is checked in transfer-table-service's ClosureCaseIT: a demo
            // provider's line may have proposed a client here before the closure was announced)
            HttpResponse<String> first = post(ServiceKind.TRANSFER_TABLE, "/api/v1/proposals/" + proposal + "/approve",
                    stack.tokenFor(DemoUsers.COORDINATOR_A), null);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(json(first.body()).get("state").asText()).isEqualTo("SCREENED_ONCE");
            HttpResponse<String> second = post(ServiceKind.TRANSFER_TABLE, "/api/v1/proposals/" + proposal + "/approve",
                    stack.tokenFor(DemoUsers.COORDINATOR_B), null);
            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode report = json(get(ServiceKind.TRANSFER_TABLE, "/api/v1/closures/" + closureId, coordinator).body())
                    .path("report");
            assertThat(report.path("offered").asInt()).isEqualTo(2);
            assertThat(report.path("noMatchYet").asInt()).isZero();
        });
        // the insurer sees the case with the clients it must mediate for
        JsonNode insurer = json(get(ServiceKind.TRANSFER_TABLE, "/api/v1/closures/" + closureId,
                stack.tokenFor(DemoUsers.INSURER)).body());
        assertThat(insurer.path("members")).hasSize(2);
    }

    @Test
    @Order(2)
    void the_coordinator_page_shows_the_closure_with_its_progress() {
        Browser.assumeAvailable();
        assertThat(closureId).as("the cross-service scenario ran first").isNotNull();
        try (Browser browser = Browser.startOrSkip(SCREENSHOTS)) {
            CoordinatorPage page = new CoordinatorPage(browser, stack.url(ServiceKind.TRANSFER_TABLE));
            try {
                page.open("#/closures").signInAs("coordinator-a");
                page.waiting().until(d -> !d.findElements(By.cssSelector(
                        "li.closure[data-closure-id='" + closureId + "'] .closure-members-table")).isEmpty());
                var card = page.driver().findElement(By.cssSelector("li.closure[data-closure-id='" + closureId + "']"));
                assertThat(page.heading()).isEqualTo("Sluitingen");
                assertThat(card.findElement(By.cssSelector(".closure-offered .tile-value")).getText()).isEqualTo("2");
                assertThat(card.findElement(By.cssSelector(".closure-no-match .tile-value")).getText()).isEqualTo("0");
                assertThat(card.findElement(By.cssSelector(".closure-report")).getText()).startsWith("2 cliënten");
                assertThat(card.findElements(By.cssSelector(".closure-members-table a[href^='#/proposals/']"))).hasSize(2);
                browser.fullPageScreenshot("closures");
                assertThat(Accessibility.violations(page.driver())).as("WCAG violations on the closures view").isEmpty();
                // the dashboard shows the last validation round, or says there is none yet
                page.open("#/dashboard");
                page.waiting().until(d -> !d.findElements(By.cssSelector("#dash-validation")).isEmpty());
                assertThat(page.driver().findElement(By.id("dash-validation")).getText())
                        .containsAnyOf("Nog geen ronde", "Gevraagd");
                browser.fullPageScreenshot("dashboard-validation");
                page.open("#/closures");
                page.waiting().until(d -> !d.findElements(By.cssSelector("li.closure")).isEmpty());
                page.switchLanguage("en");
                page.waiting().until(d -> "Closures".equals(page.heading()));
                browser.screenshot("closures-en");
            } catch (RuntimeException | AssertionError e) {
                browser.saveFailure("closures");
                throw e;
            }
        }
    }

    private static JsonNode register(String agb, String name) {
        HttpResponse<String> record = StackHttp.put(stack.url(ServiceKind.CAPACITY) + "/api/v1/providers/" + agb,
                stack.tokenFor(DemoUsers.ADMIN), Map.of(
                        "name", name, "type", "GGZ_INSTITUTION", "region", DemoUsers.REGION,
                        "locations", List.of(Map.of("postcode", "3012 KK", "city", "Rotterdam", "region", DemoUsers.REGION)),
                        "offerings", List.of(Map.of("diagnosisGroups", List.of("EATING"), "careLevel", "SPECIALIST",
                                "minAge", 18, "maxAge", 120, "exclusions", List.of()))));
        assertThat(record.statusCode()).as(record.body()).isIn(200, 201);
        return json(record.body());
    }

    /** A nine-digit number passing the eleven test (a test BSN). */
    private static String bsn(SplittableRandom random) {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                d[i] = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
                sum += d[i] * (9 - i);
            }
            int last = sum % 11;
            if (last < 10) {
                d[8] = last;
                StringBuilder s = new StringBuilder();
                for (int digit : d) {
                    s.append(digit);
                }
                return s.toString();
            }
        }
    }

    private static String providerToken(String agb) {
        return stack.tokens().token("desk-" + agb, List.of("PROVIDER"), agb, DemoUsers.REGION);
    }

    private static JsonNode json(String body) {
        return StackHttp.json(body);
    }

    private static HttpResponse<String> get(ServiceKind kind, String path, String token) {
        return StackHttp.get(stack.url(kind) + path, token);
    }

    private static HttpResponse<String> post(ServiceKind kind, String path, String token, Object body) {
        return StackHttp.post(stack.url(kind) + path, token, body);
    }
}
