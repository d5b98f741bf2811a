package nl.transfertafel.intake.web;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static nl.transfertafel.intake.testsupport.ReferralJson.anOnboardedEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.Outboxed;
import nl.transfertafel.intake.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 item 17, intake's parts: huge pages, unknown enum values, very long and unicode strings,
 * non-integer numbers, far dates and broken JSON on the referral and waiting-list endpoints. Every
 * one is answered 4xx problem+json naming the field where there is one, never a 5xx, and stores nothing.
 */
@IntakeIntegrationTest
class HostileInputIT {

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
    private final String provider = Actors.provider(providerAgb);

    /** One hostile request: who sends what where, and the field the answer must name (null: none to name). */
    record Attempt(String token, HttpMethod method, String path, MediaType type, String body, String field) {
    }

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    @Test
    void hostile_requests_get_a_4xx_problem_naming_the_field_store_nothing_and_never_a_5xx() {
        UUID mine = api.refer(gp, aReferral().to(providerAgb)).referralId();
        String longText = "Ǆ\u202Ex😀".repeat(2_000);
        List<Attempt> attempts = new ArrayList<>();
        // huge, negative and non-numeric pages
        for (String query : List.of("offset=99999999999&limit=2", "limit=abc", "offset=1e3", "activeOnly=maybe",
                "limit=-2147483649")) {
            String field = query.substring(0, query.indexOf('='));
            attempts.add(new Attempt(gp, HttpMethod.GET, "/api/v1/referrals?" + query, null, null, field));
            attempts.add(new Attempt(provider, HttpMethod.GET, "/api/v1/waiting-list?" + query, null, null, field));
        }
        // unknown enum values, non-integers, far and impossible dates, wrong types
        Map<String, Object> broken = new java.util.LinkedHashMap<>();
        broken.put("careLevel", "SUPER");
        broken.put("urgency", "urgent!");
        broken.put("diagnosisGroup", "X".repeat(5000));
        broken.put("maxTravelKm", 2.5);
        broken.put("maxTravelKm", 1e20);
        broken.put("dateOfBirth", "+10000-01-01");
        broken.put("screeningConsent", "yes");
        broken.put("language", "nl".repeat(10_000));
        broken.put("clientSupportOrganisation", longText);
        for (var field : broken.entrySet()) {
            attempts.add(new Attempt(gp, HttpMethod.POST, "/api/v1/referrals", MediaType.APPLICATION_JSON,
                    aReferral().with(field.getKey(), field.getValue()).json(), field.getKey()));
        }
        attempts.add(new Attempt(gp, HttpMethod.POST, "/api/v1/referrals", MediaType.APPLICATION_JSON,
                aReferral().with("maxTravelKm", 2.5).json(), "maxTravelKm"));
        attempts.add(new Attempt(gp, HttpMethod.POST, "/api/v1/referrals", MediaType.APPLICATION_JSON,
                aReferral().with("dateOfBirth", "1990-02-30").json(), "dateOfBirth"));
        // very long strings: names, addresses, contact details are bounded
        for (String field : List.of("name", "postcode", "email", "phone", "bsn", "insurerUzovi", "preferredProviderAgb")) {
            attempts.add(new Attempt(gp, HttpMethod.POST, "/api/v1/referrals", MediaType.APPLICATION_JSON,
                    aReferral().with(field, longText).json(), field));
        }
        for (String field : List.of("name", "postcode", "email", "phone", "bsn", "insurerUzovi")) {
            attempts.add(new Attempt(provider, HttpMethod.POST, "/api/v1/waiting-list/entries", MediaType.APPLICATION_JSON,
                    anOnboardedEntry(gpAgb, LocalDate.now()).with(field, longText).json(), field));
        }
        attempts.add(new Attempt(provider, HttpMethod.POST, "/api/v1/waiting-list/entries", MediaType.APPLICATION_JSON,
                anOnboardedEntry(gpAgb, LocalDate.now()).with("registeredOn", "-0001-01-01").json(), "registeredOn"));
        attempts.add(new Attempt(provider, HttpMethod.POST, "/api/v1/waiting-list/entries", MediaType.APPLICATION_JSON,
                anOnboardedEntry(longText, LocalDate.now()).json(), "referrerAgb"));
        // the small bodies of the changes
        String entry = "/api/v1/waiting-list/" + mine;
        // none of these may change the entry: were one accepted, the next would meet another stage
        attempts.add(new Attempt(provider, HttpMethod.PUT, entry + "/status", MediaType.APPLICATION_JSON,
                "{\"status\":\"ON_THE_MOON\"}", "status"));
        attempts.add(new Attempt(provider, HttpMethod.POST, entry + "/withdraw", MediaType.APPLICATION_JSON,
                "{\"reason\":\"BORED\"}", "reason"));
        attempts.add(new Attempt(provider, HttpMethod.POST, entry + "/intake", MediaType.APPLICATION_JSON,
                "{\"on\":\"" + LocalDate.now() + "\",\"expectedVersion\":1e30}", "expectedVersion"));
        attempts.add(new Attempt(provider, HttpMethod.POST, entry + "/intake", MediaType.APPLICATION_JSON,
                "{\"on\":\"" + LocalDate.now() + "\",\"expectedVersion\":1.5}", "expectedVersion"));
        attempts.add(new Attempt(provider, HttpMethod.POST, entry + "/intake", MediaType.APPLICATION_JSON,
                "{\"on\":\"+99999-01-01\"}", "on"));
        attempts.add(new Attempt(provider, HttpMethod.POST, entry + "/intake", MediaType.APPLICATION_JSON,
                "{\"on\":\"1900-01-01\"}", "on"));
        attempts.add(new Attempt(provider, HttpMethod.POST, entry + "/treatment-start", MediaType.APPLICATION_JSON,
                "{\"on\":\"2026-13-45\"}", "on"));
        attempts.add(new Attempt(gp, HttpMethod.POST, "/api/v1/referrals/" + mine + "/withdraw",
                MediaType.APPLICATION_JSON, "{\"reason\":[\"OTHER\"]}", "reason"));
        // broken JSON, wrong content type, ids that are not ids
        attempts.add(new Attempt(gp, HttpMethod.POST, "/api/v1/referrals", MediaType.APPLICATION_JSON, "{\"bsn\":", null));
        attempts.add(new Attempt(gp, HttpMethod.POST, "/api/v1/referrals", MediaType.APPLICATION_JSON, "[1,2,3]", null));
        attempts.add(new Attempt(gp, HttpMethod.POST, "/api/v1/referrals", MediaType.TEXT_PLAIN, aReferral().json(), null));
        // (a path beyond Netty's 4 KB request line is answered 414, and one with percent-encoded non-ASCII 400, both
        // without a body, before the application sees them: the server's and the security filter's, not intake's)
        attempts.add(new Attempt(gp, HttpMethod.GET, "/api/v1/referrals/" + "x".repeat(1000), null, null, null));
        attempts.add(new Attempt(provider, HttpMethod.POST, "/api/v1/waiting-list/not-a-uuid/intake",
                MediaType.APPLICATION_JSON, "{\"on\":\"" + LocalDate.now() + "\"}", null));

        long stored = outbox.count("select count(*) from referral");
        long events = outbox.count("select count(*) from outbox");
        Map<Integer, Integer> answers = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Attempt attempt : attempts) {
            EntityExchangeResult<String> result = send(attempt);
            int status = result.getStatus().value();
            answers.merge(status, 1, Integer::sum);
            String body = result.getResponseBody() == null ? "" : result.getResponseBody();
            MediaType type = result.getResponseHeaders().getContentType();
            String what = attempt.method() + " " + abbreviate(attempt.path()) + " " + abbreviate(attempt.body());
            if (status < 400 || status >= 500) {
                wrong.add(what + " -> " + status + " " + abbreviate(body));
            } else if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                wrong.add(what + " -> " + status + " not problem+json: " + type);
            } else if (attempt.field() != null && !body.contains("\"field\":\"" + attempt.field() + "\"")) {
                wrong.add(what + " -> " + status + " does not name " + attempt.field() + ": " + abbreviate(body));
            } else if (body.contains("Ǆ\u202Ex") || body.contains("XXXXXXXX")) {
                wrong.add(what + " -> " + status + " echoes the input");
            }
        }
        System.out.printf("hostile requests to intake: %d tried, answers by status %s%n", attempts.size(), answers);

        assertThat(wrong).as("requests answered wrongly").isEmpty();
        assertThat(outbox.count("select count(*) from referral")).as("nothing stored").isEqualTo(stored);
        assertThat(outbox.count("select count(*) from outbox")).as("nothing announced").isEqualTo(events);
    }

    @Test
    void a_huge_page_number_is_an_empty_page_not_an_error() {
        api.refer(gp, aReferral().to(providerAgb));

        api.get(gp, "/api/v1/referrals?offset=2147483647&limit=2147483647").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        api.get(provider, "/api/v1/waiting-list?offset=2147483647&limit=2&page=2147483647&size=2").expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void unicode_names_are_kept_as_given() {
        String name = "Zoë Ørsted-Ñúñez 李小龍 ٱلْعَرَبِيَّة";
        UUID id = api.refer(gp, aReferral().with("name", name)).referralId();

        api.get(gp, "/api/v1/referrals/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.client.name").isEqualTo(name);
    }

    private EntityExchangeResult<String> send(Attempt attempt) {
        WebTestClient.RequestBodySpec request = web.method(attempt.method()).uri(attempt.path())
                .headers(headers -> headers.setBearerAuth(attempt.token()));
        if (attempt.body() == null) {
            return request.exchange().expectBody(String.class).returnResult();
        }
        return request.contentType(attempt.type()).bodyValue(attempt.body()).exchange().expectBody(String.class)
                .returnResult();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
