package nl.transfertafel.capacity;

import static nl.transfertafel.capacity.support.CapacityApi.admin;
import static nl.transfertafel.capacity.support.CapacityApi.provider;
import static nl.transfertafel.capacity.support.CapacityApi.transferTable;
import static nl.transfertafel.capacity.support.TestData.aProvider;
import static nl.transfertafel.capacity.support.TestData.freshAgb;
import static nl.transfertafel.capacity.support.TestData.freshUzovi;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.capacity.support.MovableClock;
import nl.transfertafel.testkit.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 17, capacity's part: the inputs a code review found to give a 5xx elsewhere (page
 * numbers that overflow, dates past year 9999, tokens without a region or organisation claim, very
 * large bodies) each answer a 4xx problem+json here (or a normal answer where the input is harmless),
 * and nothing is stored.
 */
@CapacityIntegrationTest
class HostileInputIT {

    private static final String FAR = "+10000-01-01";

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        CapacityWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    MovableClock clock;

    private record Tried(String what, int status, String contentType) {
    }

    private final List<Tried> tried = new ArrayList<>();

    private void send(String what, HttpMethod method, String path, String token, String json) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        });
        WebTestClient.RequestHeadersSpec<?> ready = json == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(json);
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
        MediaType type = result.getResponseHeaders().getContentType();
        tried.add(new Tried(what, result.getStatus().value(), type == null ? "" : type.toString()));
    }

    private static String noOrg(String role) {
        return TestStack.tokens().token("no-org", List.of(role), null, "rotterdam");
    }

    private static String noRegion(String role, String organisation) {
        return TestStack.tokens().token("no-region", List.of(role), organisation, null);
    }

    private static String noClaims(String role) {
        return TestStack.tokens().token("no-claims", List.of(role), null, null);
    }

    @Test
    void overflowing_pages_far_dates_missing_claims_and_huge_bodies_answer_4xx_problems_never_5xx() {
        CapacityApi api = new CapacityApi(web);
        LocalDate today = Today.of(clock);
        String agb = freshAgb();
        JsonNode registered = api.register(agb, aProvider().typical().build());
        String lineId = api.announce(registered, 2, today, null).get("capacityLineId").asText();
        String location = registered.get("locations").get(0).get("locationId").asText();
        String offering = registered.get("offerings").get(0).get("offeringId").asText();
        String minimal = """
                {"providerType":"GGZ_INSTITUTION","locationPostcode":"3012 KK","diagnosisGroups":["DEPRESSION"],
                 "careLevel":"SPECIALIST","places":1,"availableFrom":"%s"}""".formatted(today);
        String restrictions = "/api/v1/providers/" + agb + "/restrictions";

        // page numbers whose offset overflows: capacity lists have no paging, the parameters must be harmless
        for (String list : List.of("/api/v1/capacity", "/api/v1/providers", "/api/v1/figures", restrictions,
                "/api/v1/contracts")) {
            send("GET " + list + " page overflow", HttpMethod.GET, list + "?page=2147483647&size=2&limit=2147483647"
                    + "&offset=2147483647", list.endsWith("contracts") ? admin() : provider(agb), null);
        }

        // dates past year 9999 (and before year 0) in every date field and parameter
        send("announce from " + FAR, HttpMethod.POST, "/api/v1/capacity", provider(agb), """
                {"locationId":"%s","offeringId":"%s","places":1,"availableFrom":"%s"}""".formatted(location, offering, FAR));
        send("announce until " + FAR, HttpMethod.POST, "/api/v1/capacity", provider(agb), """
                {"locationId":"%s","offeringId":"%s","places":1,"availableFrom":"%s","availableUntil":"%s"}"""
                .formatted(location, offering, today, FAR));
        send("announce from -999999999-01-01", HttpMethod.POST, "/api/v1/capacity", provider(agb), """
                {"locationId":"%s","offeringId":"%s","places":1,"availableFrom":"-999999999-01-01"}"""
                .formatted(location, offering));
        send("correct until " + FAR, HttpMethod.POST, "/api/v1/capacity/" + lineId + "/correct", provider(agb),
                "{\"availableUntil\":\"" + FAR + "\"}");
        send("correct from " + FAR, HttpMethod.POST, "/api/v1/capacity/" + lineId + "/correct", provider(agb),
                "{\"availableFrom\":\"" + FAR + "\"}");
        send("stop until " + FAR, HttpMethod.POST, restrictions, provider(agb),
                "{\"kind\":\"STOP\",\"reason\":\"full\",\"until\":\"" + FAR + "\"}");
        send("pause from " + FAR, HttpMethod.POST, restrictions, provider(agb),
                "{\"kind\":\"PAUSE\",\"reason\":\"full\",\"from\":\"" + FAR + "\",\"until\":\"" + FAR + "\"}");
        send("registration status on " + FAR, HttpMethod.GET,
                "/api/v1/providers/" + agb + "/registration-status?date=" + FAR, provider(agb), null);

        // numbers beyond every range
        send("announce 10^20 places", HttpMethod.POST, "/api/v1/capacity", provider(agb), """
                {"locationId":"%s","offeringId":"%s","places":100000000000000000000,"availableFrom":"%s"}"""
                .formatted(location, offering, today));
        send("correct version 10^20", HttpMethod.POST, "/api/v1/capacity/" + lineId + "/correct", provider(agb),
                "{\"places\":1,\"version\":100000000000000000000}");
        send("contract ceiling 10^30", HttpMethod.PUT, "/api/v1/contracts/" + freshUzovi() + "/" + agb, admin(),
                "{\"contracted\":true,\"ceilingEuro\":1000000000000000000000000000000}");

        // tokens without an organisation or a region claim, on every endpoint that reads them
        for (String[] who : List.of(new String[] {"no org", noOrg("PROVIDER")},
                new String[] {"no region", noRegion("PROVIDER", freshAgb())},
                new String[] {"no claims", noClaims("PROVIDER")})) {
            send("announce minimal, " + who[0], HttpMethod.POST, "/api/v1/capacity", who[1], minimal);
            send("announce registered, " + who[0], HttpMethod.POST, "/api/v1/capacity", who[1], """
                    {"locationId":"%s","offeringId":"%s","places":1,"availableFrom":"%s"}"""
                    .formatted(location, offering, today));
            send("list lines, " + who[0], HttpMethod.GET, "/api/v1/capacity", who[1], null);
            send("one line, " + who[0], HttpMethod.GET, "/api/v1/capacity/" + lineId, who[1], null);
            send("correct, " + who[0], HttpMethod.POST, "/api/v1/capacity/" + lineId + "/correct", who[1],
                    "{\"places\":3}");
            send("withdraw, " + who[0], HttpMethod.POST, "/api/v1/capacity/" + lineId + "/withdraw", who[1], null);
            send("confirm, " + who[0], HttpMethod.POST, "/api/v1/capacity/" + lineId + "/confirm", who[1], null);
            send("set stop, " + who[0], HttpMethod.POST, restrictions, who[1], "{\"kind\":\"STOP\",\"reason\":\"x\"}");
            send("figures, " + who[0], HttpMethod.GET, "/api/v1/figures", who[1], null);
            send("contracts, " + who[0], HttpMethod.GET, "/api/v1/contracts", who[1], null);
            send("put provider, " + who[0], HttpMethod.PUT, "/api/v1/providers/" + agb, who[1], """
                    {"name":"x","type":"GGZ_INSTITUTION","region":"rotterdam"}""");
        }
        for (String[] who : List.of(new String[] {"insurer no org", noOrg("INSURER")},
                new String[] {"insurer no claims", noClaims("INSURER")},
                new String[] {"coordinator no claims", noClaims("COORDINATOR")},
                new String[] {"admin no claims", noClaims("ADMIN")},
                new String[] {"service no claims", noClaims("SERVICE")})) {
            send("contracts, " + who[0], HttpMethod.GET, "/api/v1/contracts", who[1], null);
            send("put contract, " + who[0], HttpMethod.PUT, "/api/v1/contracts/" + freshUzovi() + "/" + agb, who[1],
                    "{\"contracted\":true}");
            send("figures, " + who[0], HttpMethod.GET, "/api/v1/figures", who[1], null);
            send("list lines, " + who[0], HttpMethod.GET, "/api/v1/capacity", who[1], null);
            send("one line, " + who[0], HttpMethod.GET, "/api/v1/capacity/" + lineId, who[1], null);
            send("announce minimal, " + who[0], HttpMethod.POST, "/api/v1/capacity", who[1], minimal);
            send("reserve, " + who[0], HttpMethod.POST, "/api/v1/reservations", who[1],
                    "{\"capacityLineId\":\"" + lineId + "\",\"proposalId\":\"hostile-" + who[0].replace(' ', '-') + "\"}");
        }

        // very large bodies: a 3 MB name, a 3 MB list, 3 MB of whitespace around a valid announcement
        String huge = "x".repeat(3_000_000);
        send("announce 3 MB reason-free body", HttpMethod.POST, "/api/v1/capacity", provider(agb),
                "{\"locationPostcode\":\"" + huge + "\"}");
        send("provider 3 MB name", HttpMethod.PUT, "/api/v1/providers/" + agb, admin(),
                "{\"name\":\"" + huge + "\",\"type\":\"GGZ_INSTITUTION\",\"region\":\"rotterdam\"}");
        send("stop 3 MB reason", HttpMethod.POST, restrictions, provider(agb),
                "{\"kind\":\"STOP\",\"reason\":\"" + huge + "\"}");
        send("reserve 3 MB proposal id", HttpMethod.POST, "/api/v1/reservations", transferTable(),
                "{\"capacityLineId\":\"" + lineId + "\",\"proposalId\":\"" + huge + "\"}");
        send("announce 3 MB list", HttpMethod.POST, "/api/v1/capacity", provider(agb),
                "{\"diagnosisGroups\":[" + "\"DEPRESSION\",".repeat(250_000) + "\"DEPRESSION\"]}");
        send("announce 3 MB whitespace", HttpMethod.POST, "/api/v1/capacity", provider(agb),
                " ".repeat(3_000_000) + minimal);

        System.out.printf("HostileInputIT: %d requests tried%n", tried.size());
        tried.forEach(t -> System.out.printf("  %3d %-40s %s%n", t.status(), t.contentType(), t.what()));
        assertThat(tried).as("answers of 500 or more").filteredOn(t -> t.status() >= 500).isEmpty();
        assertThat(tried).as("error answers that are not problem+json")
                .filteredOn(t -> t.status() >= 400 && !t.contentType().startsWith("application/problem+json"))
                .isEmpty();
        assertThat(tried).as("far dates, overflowing numbers and huge bodies are refused")
                .filteredOn(t -> t.what().contains(FAR) || t.what().contains("999999999") || t.what().contains("10^")
                        || t.what().contains("3 MB"))
                .allSatisfy(t -> assertThat(t.status()).as(t.what()).isBetween(400, 499));
        // the line the hostile requests aimed at is as it was announced (a claim-less token changed nothing)
        api.get(admin(), "/api/v1/capacity/" + lineId).expectStatus().isOk().expectBody()
                .jsonPath("$.places").isEqualTo(2);
    }
}
