package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.localstack.browser.Browser;
import nl.transfertafel.localstack.browser.CoordinatorPage;
import nl.transfertafel.testkit.engines.Ports;
import nl.transfertafel.testkit.oidc.KeycloakServer;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The README walkthrough (deploy/README.md, "The walkthrough with Keycloak") against a real Keycloak with
 * deploy/keycloak's realm and demo users: the local stack started as {@code ./run-local.sh --issuer-uri} does,
 * so the four services validate Keycloak's tokens (signature, issuer, audience) and get their own service
 * tokens from it by client credentials. Every call carries a token from Keycloak: the administrator registers
 * the provider, the insurer contracts it, the provider announces a place, the GP refers, two coordinators
 * approve (the transfer table then reserves the place at capacity-service with its own Keycloak token), the
 * provider and the GP answer the offer. Then the coordinator page in Chromium signs in through Keycloak's own
 * login form and renews its token: in this test the coordinator page's access tokens live 30 seconds, so the
 * renewal must happen within the test. Skipped with the reason where Keycloak cannot run (no distribution or no JDK 21+); the
 * browser part also where Chromium is missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakWalkthroughIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int ACCESS_TOKEN_SECONDS = 30;
    private static final Map<String, String> SECRETS = Map.of(
            "intake-service", "walkthrough-intake-secret",
            "capacity-service", "walkthrough-capacity-secret",
            "transfer-table-service", "walkthrough-transfer-table-secret",
            "notification-service", "walkthrough-notification-secret");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KeycloakServer keycloak;
    private static LocalStack stack;
    private static String proposal;

    @BeforeAll
    static void start() throws Exception {
        KeycloakServer.unavailable(KeycloakServer.configuredHome(), KeycloakServer.configuredJavaHome())
                .ifPresent(Assumptions::abort);
        int transferTablePort = Ports.freePort();
        Path realm = Paths.get(System.getProperty("transfertafel.root", "..")).resolve("deploy/keycloak");
        Map<String, String> env = new java.util.HashMap<>();
        env.put("TRANSFERTAFEL_COORDINATOR_PAGE_URL", "http://127.0.0.1:" + transferTablePort + "/coordinator/");
        SECRETS.forEach((service, secret) -> env.put(KeycloakServer.secretVariable(service), secret));
        env.put(KeycloakServer.secretVariable("prometheus"), "walkthrough-prometheus-secret");
        keycloak = KeycloakServer.start(new KeycloakServer.Setup(KeycloakServer.configuredHome(),
                KeycloakServer.configuredJavaHome(), List.of(realm.resolve("realm/transfertafel-realm.json"),
                        realm.resolve("demo-users/transfertafel-users-0.json")), env,
                Paths.get("target/keycloak-walkthrough.log"), null)
                // the coordinator page's tokens only: the services' token cache renews a minute before expiry
                .withAccessTokenLifespan("coordinator-ui", ACCESS_TOKEN_SECONDS));
        stack = LocalStack.start(LocalStack.Options.randomPorts(false)
                .withPort(ServiceKind.TRANSFER_TABLE, transferTablePort)
                .withExternalIssuer(new LocalStack.ExternalIssuer(keycloak.issuer(), "transfertafel", SECRETS)));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    @Order(1)
    void the_services_trust_keycloak_and_refuse_the_local_issuers_kind_of_token_and_no_token() {
        assertThat(stack.tokens()).as("no local token issuer runs").isNull();
        assertThat(stack.identity().issuer()).isEqualTo(keycloak.issuer());
        HttpResponse<String> withoutToken = StackHttp.get(url(ServiceKind.INTAKE) + "/api/v1/referrals", null);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        // the coordinator page is told to sign in at Keycloak
        JsonNode config = StackHttp.json(StackHttp.get(url(ServiceKind.TRANSFER_TABLE) + "/coordinator/config.json", null).body());
        assertThat(config.path("issuer").asText()).isEqualTo(keycloak.issuer());
    }

    @Test
    @Order(2)
    void the_readme_walkthrough_runs_on_tokens_from_keycloak() {
        String provider = DemoUsers.PROVIDER_AGB;
        JsonNode record = ok(StackHttp.put(url(ServiceKind.CAPACITY) + "/api/v1/providers/" + provider, token("beheerder"),
                Map.of("name", "GGZ Maasstad", "type", "GGZ_INSTITUTION", "region", DemoUsers.REGION,
                        "locations", List.of(Map.of("postcode", "3012 KK", "city", "Rotterdam", "region", DemoUsers.REGION)),
                        "offerings", List.of(Map.of("diagnosisGroups", List.of("DEPRESSION"), "careLevel", "SPECIALIST",
                                "minAge", 18, "maxAge", 120, "exclusions", List.of())))));
        ok(StackHttp.put(url(ServiceKind.CAPACITY) + "/api/v1/contracts/" + DemoUsers.INSURER_UZOVI + "/" + provider,
                token("verzekeraar"), Map.of("contracted", true, "ceilingReached", false)));
        ok(StackHttp.post(url(ServiceKind.CAPACITY) + "/api/v1/capacity", token("aanbieder"), Map.of(
                "locationId", record.path("locations").get(0).path("locationId").asText(),
                "offeringId", record.path("offerings").get(0).path("offeringId").asText(),
                "places", 2, "availableFrom", LocalDate.now().toString(),
                "availableUntil", LocalDate.now().plusDays(60).toString())));
        JsonNode referral = ok(StackHttp.post(url(ServiceKind.INTAKE) + "/api/v1/referrals", token("huisarts"), Map.ofEntries(
                Map.entry("bsn", StackSteps.bsn()), Map.entry("name", "J. Jansen"), Map.entry("dateOfBirth", "1990-04-01"),
                Map.entry("postcode", "3011 AB"), Map.entry("insurerUzovi", DemoUsers.INSURER_UZOVI),
                Map.entry("diagnosisGroup", "DEPRESSION"), Map.entry("careLevel", "SPECIALIST"),
                Map.entry("urgency", "URGENT"), Map.entry("maxTravelKm", 25), Map.entry("eHealthAcceptable", true),
                Map.entry("screeningConsent", true)), "Idempotency-Key", UUID.randomUUID().toString()));
        String referralId = referral.path("referralId").asText();

        await("a proposal for the referral in the screening queue").atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode queue = ok(StackHttp.get(url(ServiceKind.TRANSFER_TABLE) + "/api/v1/screening/queue",
                            token("coordinator-a")));
                    proposal = null;
                    queue.forEach(item -> {
                        if (item.path("client").path("referralId").asText().equals(referralId)) {
                            proposal = item.path("proposalId").asText();
                        }
                    });
                    assertThat(proposal).isNotNull();
                });

        String approve = url(ServiceKind.TRANSFER_TABLE) + "/api/v1/proposals/" + proposal + "/approve";
        ok(StackHttp.post(approve, token("coordinator-a"), null));
        HttpResponse<String> again = StackHttp.post(approve, token("coordinator-a"), null);
        assertThat(again.statusCode()).as("the same coordinator twice: " + again.body()).isBetween(400, 499);
        ok(StackHttp.post(approve, token("coordinator-b"), null));
        // the transfer table reserves the place at capacity-service with its own client-credentials token from Keycloak
        await("the place reserved and offered").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(ok(StackHttp.get(url(ServiceKind.TRANSFER_TABLE) + "/api/v1/proposals/" + proposal,
                        token("coordinator-a"))).path("state").asText()).isEqualTo("OFFERED"));

        JsonNode accepted = ok(StackHttp.post(url(ServiceKind.TRANSFER_TABLE) + "/api/v1/offers/" + proposal
                + "/provider-response", token("aanbieder"), Map.of("accepted", true, "handoverContact", "Intake desk, 010-1234567")));
        assertThat(accepted.path("state").asText()).isEqualTo("ACCEPTED_BY_PROVIDER");
        JsonNode completed = ok(StackHttp.post(url(ServiceKind.TRANSFER_TABLE) + "/api/v1/offers/" + proposal
                + "/client-response", token("huisarts"), Map.of("accepted", true)));
        assertThat(completed.path("state").asText()).isEqualTo("COMPLETED");

        // tenancy with Keycloak's claims: a GP of another practice does not see this referral
        JsonNode otherPractice = ok(StackHttp.get(url(ServiceKind.INTAKE) + "/api/v1/referrals?limit=500", token("huisarts-2")));
        otherPractice.forEach(item -> assertThat(item.path("referralId").asText()).isNotEqualTo(referralId));
        // the GP's inbox (notification-service) got the offer through Kafka, read with the GP's Keycloak token
        await("the GP's inbox").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(ok(StackHttp.get(url(ServiceKind.NOTIFICATION) + "/api/v1/inbox", token("huisarts")))
                        .path("items").size()).isPositive());
    }

    @Test
    @Order(3)
    void the_coordinator_page_signs_in_through_keycloaks_login_form_and_renews_its_token() {
        Browser.assumeAvailable();
        try (Browser browser = Browser.startOrSkip(Paths.get("target", "screenshots"))) {
            CoordinatorPage page = new CoordinatorPage(browser, url(ServiceKind.TRANSFER_TABLE)).open();
            try {
                page.waiting().until(ExpectedConditions.elementToBeClickable(By.id("login-button"))).click();
                // Keycloak's own login form, not the local issuer's page
                page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
                assertThat(browser.driver().getCurrentUrl()).startsWith(keycloak.authorizationEndpoint());
                browser.driver().findElement(By.id("username")).sendKeys("coordinator-b");
                browser.driver().findElement(By.id("password")).sendKeys("demo");
                browser.driver().findElement(By.id("kc-login")).click();
                page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
                page.waiting().until(d -> !d.findElement(By.id("user-name")).getText().isBlank());
                String first = accessToken(page);
                assertThat(page.userOrganisation()).contains(DemoUsers.OTHER_PROVIDER_AGB);

                // 30-second tokens: the page renews a few seconds before expiry, with the refresh-token grant
                await("the page renewing its access token").atMost(Duration.ofSeconds(ACCESS_TOKEN_SECONDS * 3L))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> !first.equals(accessToken(page)));
                // past the first token's expiry the page still works with the renewed one
                await("the first token expired").atMost(Duration.ofSeconds(ACCESS_TOKEN_SECONDS * 2L))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> System.currentTimeMillis() > firstExpiry(first) + 1000);
                page.open("#/queue");
                assertThat(page.heading()).isNotBlank();
                page.waiting().until(d -> !d.findElement(By.id("user-name")).getText().isBlank());
                assertThat(page.driver().findElements(By.id("login-button")).stream().noneMatch(b -> b.isDisplayed()))
                        .as("still signed in after the first token expired").isTrue();
                browser.screenshot("keycloak-signed-in-after-refresh");
            } catch (RuntimeException | AssertionError e) {
                browser.saveFailure("keycloak-sign-in");
                throw e;
            }
        }
    }

    private static String accessToken(CoordinatorPage page) {
        Object token = page.script("const s = JSON.parse(sessionStorage.getItem('transfertafel.session') || 'null');"
                + " return s ? s.accessToken : null;");
        return token == null ? "" : token.toString();
    }

    private static long firstExpiry(String jwt) {
        JsonNode claims = StackHttp.json(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
        return claims.path("exp").asLong() * 1000;
    }

    /** A demo user's access token from Keycloak's token endpoint (the README's curl, password grant of transfertafel-cli). */
    private static String token(String username) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(KeycloakServer.form(Map.of("grant_type", "password",
                            "client_id", "transfertafel-cli", "username", username, "password", "demo")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("Keycloak's token for " + username + ": " + answer.body()).isEqualTo(200);
            return StackHttp.json(answer.body()).path("access_token").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String url(ServiceKind kind) {
        return stack.url(kind);
    }

    private static JsonNode ok(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.uri() + " answered " + answer.body()).isIn(200, 201);
        return StackHttp.json(answer.body());
    }
}
