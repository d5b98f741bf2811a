package nl.transfertafel.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.localstack.LocalStack;
import nl.transfertafel.localstack.ServiceKind;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 18: a generated corpus of malformed and hostile requests against every write endpoint
 * (POST, PUT, PATCH, DELETE) of the four services, as their served OpenAPI documents list them, on the
 * local stack in this JVM (real PostgreSQL, real Kafka). Every hostile request must be refused with a 4xx
 * {@code application/problem+json} that does not repeat the personal data sent, and must change no row
 * of the service's database (so no outbox event either). Valid controls, the valid shape of each request,
 * may be accepted. The run prints what it tried and what answered; see ADR 1200 for how it is generated.
 */
class HostileRequestCorpusIT {

    /** Fixed: the same corpus every run, so a failure names a request that can be sent again. */
    private static final long SEED = 20261205L;
    private static final String OTHER_GP_PRACTICE = "01999999";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalStack stack;
    private static final Map<ServiceKind, RowCounts> databases = new EnumMap<>(ServiceKind.class);

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(LocalStack.Options.randomPorts(false));
        for (ServiceKind kind : ServiceKind.values()) {
            databases.put(kind, new RowCounts(stack.postgres().connect(kind.database())));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (RowCounts counts : databases.values()) {
            counts.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void every_hostile_request_to_every_write_endpoint_is_refused_with_a_problem_that_stores_nothing()
            throws IOException {
        Map<String, String> fixtures = fixtures();

        List<WriteEndpoint> endpoints = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) {
            HttpResponse<String> document = send(HttpRequest.newBuilder(URI.create(stack.url(kind) + "/v3/api-docs")).GET());
            assertThat(document.statusCode()).as(kind + " /v3/api-docs").isEqualTo(200);
            List<WriteEndpoint> ofService = WriteEndpoint.readAll(kind, EventJson.mapper().readTree(document.body()));
            assertThat(ofService).as(kind + " write endpoints").isNotEmpty();
            endpoints.addAll(ofService);
        }

        RSAKey untrusted = untrustedKey();
        // one token per set of claims: signing is the costly part of generating a probe
        Map<Caller, String> issued = new HashMap<>();
        HostileRequests generator = new HostileRequests(SEED, fixtures, HostileRequestCorpusIT::callerFor,
                caller -> issued.computeIfAbsent(caller, c -> signed(c, null)), caller -> signed(caller, untrusted));
        List<Probe> hostile = new ArrayList<>();
        List<Probe> controls = new ArrayList<>();
        for (WriteEndpoint endpoint : endpoints) {
            for (Probe probe : generator.forEndpoint(endpoint)) {
                (probe.validControl() ? controls : hostile).add(probe);
            }
        }

        // hostile first, valid controls last: a control that is accepted changes what later requests find
        Instant started = Instant.now();
        Map<ServiceKind, Map<String, Long>> atStart = snapshotAll();
        List<Outcome> outcomes = new ArrayList<>(runPerService(hostile));
        Map<ServiceKind, Map<String, Long>> afterHostile = snapshotAll();
        outcomes.addAll(runPerService(controls));
        Duration took = Duration.between(started, Instant.now());

        Map<String, Map<String, Long>> hostilePhase = new LinkedHashMap<>();
        atStart.forEach((kind, before) -> hostilePhase.put(kind.database(), RowCounts.changes(before, afterHostile.get(kind))));
        String report = CorpusReport.render(outcomes, hostilePhase) + "\nSent in " + took.toMillis() + " ms ("
                + endpoints.size() + " write endpoints, one worker per service).\n";
        System.out.println(report);
        Path written = Path.of("target", "hostile-corpus-report.txt");
        Files.createDirectories(written.getParent());
        Files.writeString(written, report, StandardCharsets.UTF_8);

        assertThat(hostile).as("hostile requests generated").hasSizeGreaterThanOrEqualTo(1000);
        assertThat(outcomes.stream().map(o -> o.probe().endpoint().service()).distinct())
                .as("services probed").containsExactlyInAnyOrder(ServiceKind.values());
        List<String> failed = outcomes.stream().filter(Outcome::failed)
                .map(o -> o.probe().describe() + " -> " + o.status() + " " + o.broken()).toList();
        assertThat(failed.size()).as("requests that broke a rule (answer >= 500, not problem+json, accepted although"
                + " hostile, personal data echoed, rows stored); all of them are in " + written.toAbsolutePath()
                + ", the first 40:\n" + String.join("\n", failed.subList(0, Math.min(40, failed.size())))).isZero();
    }

    // ---------------------------------------------------------------- running the probes

    /**
     * One worker per service, each sending its service's probes one after another: a probe's row counts are
     * taken in its own service's database, so the services can be probed at the same time without one
     * probe's writes being counted against another.
     */
    private List<Outcome> runPerService(List<Probe> probes) {
        Map<ServiceKind, List<Probe>> perService = new EnumMap<>(ServiceKind.class);
        probes.forEach(probe -> perService.computeIfAbsent(probe.endpoint().service(), k -> new ArrayList<>()).add(probe));
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, perService.size()));
        try {
            List<Future<List<Outcome>>> running = new ArrayList<>();
            perService.values().forEach(list -> running.add(workers.submit(() -> runInTurn(list))));
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<List<Outcome>> worker : running) {
                outcomes.addAll(worker.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * One service's probes one after another. The row counts after a probe are the counts before the next:
     * one snapshot per probe instead of two, and no change falls between two probes unseen.
     */
    private List<Outcome> runInTurn(List<Probe> probes) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Long> counts = null;
        for (Probe probe : probes) {
            RowCounts service = databases.get(probe.endpoint().service());
            Map<String, Long> before = counts == null ? service.snapshot() : counts;
            Outcome outcome = run(probe, before);
            counts = outcome.countsAfter();
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Outcome run(Probe probe, Map<String, Long> before) {
        ServiceKind service = probe.endpoint().service();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + probe.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(probe.endpoint().method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers().forEach(request::header);
        int status;
        String contentType;
        String body;
        try {
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException slow) {
                // the client gave up, the service did not answer wrongly: on a loaded machine ask once more,
                // with more patience; a second silence counts as "no HTTP answer"
                response = HTTP.send(request.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
            }
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("(none)");
            body = response.body();
        } catch (IOException e) {
            status = -1;
            contentType = "(none)";
            body = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, Long> after = databases.get(service).snapshot();
        Map<String, Long> changes = RowCounts.changes(before, after);
        boolean consumerRan = changes.remove(RowCounts.CONSUMER_LEDGER) != null;

        List<String> broken = new ArrayList<>();
        List<String> uncertain = new ArrayList<>();
        if (status < 0) {
            broken.add("no HTTP answer (" + body + ")");
        } else if (status >= 500) {
            broken.add("server error " + status);
        } else if (!probe.validControl() && status < 400) {
            broken.add("hostile request accepted (" + status + ")");
        }
        if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            broken.add("not problem+json (" + contentType + ")");
        } else if (status >= 400 && !isJson(body)) {
            broken.add("problem body is not JSON");
        }
        if (!probe.validControl()) {
            for (String personal : probe.personalData()) {
                if (body != null && body.contains(personal)) {
                    broken.add("echoes personal data (" + kindOf(personal) + ")");
                }
            }
            if (status == 401 || status == 403) {
                // a refused attempt on personal data is audited by design (domain rule: every access is
                // audited, allowed or refused); that row is the only thing a refusal may leave
                changes.remove(AUDIT_LOG);
            }
            if (!changes.isEmpty()) {
                (consumerRan ? uncertain : broken).add("rows changed " + changes);
            }
        }
        return new Outcome(probe, status, contentType, body, changes, consumerRan, broken, uncertain, after);
    }

    private static final String AUDIT_LOG = "audit_log";

    private static boolean isJson(String body) {
        try {
            return EventJson.mapper().readTree(body).isObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String kindOf(String personal) {
        return personal.equals(ValidShapes.BSN) ? "BSN" : personal.equals(ValidShapes.EMAIL) ? "e-mail" : "name";
    }

    private static Map<ServiceKind, Map<String, Long>> snapshotAll() {
        Map<ServiceKind, Map<String, Long>> all = new EnumMap<>(ServiceKind.class);
        databases.forEach((kind, counts) -> all.put(kind, counts.snapshot()));
        return all;
    }

    // ---------------------------------------------------------------- callers and tokens

    /**
     * Who calls each endpoint in its valid shape: the role the endpoint is for, so that a hostile variant
     * reaches the validation behind the role check. An endpoint this table does not know is called as ADMIN.
     */
    static Caller callerFor(WriteEndpoint endpoint) {
        String path = endpoint.path();
        if (path.contains("/admin/") || path.contains("/dead-letters")) {
            return user(DemoUsers.ADMIN, "TRANSFERTAFEL-UTRECHT");
        }
        return switch (endpoint.service()) {
            case INTAKE -> path.startsWith("/api/v1/referrals") ? user(DemoUsers.GP, OTHER_GP_PRACTICE)
                    : path.startsWith("/api/v1/waiting-list") ? user(DemoUsers.PROVIDER, DemoUsers.OTHER_PROVIDER_AGB)
                    : user(DemoUsers.ADMIN, "TRANSFERTAFEL-UTRECHT");
            case CAPACITY -> path.startsWith("/api/v1/contracts") ? user(DemoUsers.INSURER, "9999")
                    : path.startsWith("/api/v1/reservations")
                            // the client-credentials token of transfer-table-service (no region claim)
                            ? new Caller("transfer-table-service", List.of("SERVICE"), "transfer-table-service", null,
                                    "notification-service")
                            : user(DemoUsers.PROVIDER, DemoUsers.OTHER_PROVIDER_AGB);
            case NOTIFICATION -> user(DemoUsers.GP, OTHER_GP_PRACTICE);
            case TRANSFER_TABLE -> path.endsWith("/provider-response") ? user(DemoUsers.PROVIDER, DemoUsers.OTHER_PROVIDER_AGB)
                    : path.endsWith("/client-response") ? user(DemoUsers.GP, OTHER_GP_PRACTICE)
                    : user(DemoUsers.COORDINATOR_A, DemoUsers.OTHER_PROVIDER_AGB);
        };
    }

    private static Caller user(DemoUser user, String otherOrganisation) {
        return new Caller(user.username(), user.roles(), user.organisation(), user.region(), otherOrganisation);
    }

    /** Signed by the stack's issuer ({@code key} null), or with the same claims by a key nobody trusts. */
    private static String signed(Caller caller, RSAKey key) {
        if (key == null) {
            return stack.tokens().token(caller.subject(), caller.roles(), caller.organisation(), caller.region());
        }
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(stack.tokens().issuer())
                    .subject(caller.subject()).audience("transfertafel").issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).jwtID(UUID.randomUUID().toString())
                    .claim("roles", caller.roles()).claim("org", caller.organisation()).claim("region", caller.region());
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey untrustedKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("not-the-issuers-key").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- fixtures

    /**
     * Things the probes point at, made through the services' own APIs before the run: a referral of the
     * demo GP practice, waiting at the demo provider (its id is the referral id in intake's and the
     * transfer table's paths and bodies), and a capacity line of the demo provider. The run starts once
     * the consumers have taken them in, so their writes do not fall inside a probe.
     */
    private Map<String, String> fixtures() {
        HttpResponse<String> referral = post(ServiceKind.INTAKE, "/api/v1/referrals", DemoUsers.GP, """
                {"bsn":"%s","name":"%s","email":"%s","dateOfBirth":"1990-04-01","postcode":"3011 AB",
                 "insurerUzovi":"%s","diagnosisGroup":"DEPRESSION","careLevel":"SPECIALIST","urgency":"REGULAR",
                 "preferredProviderAgb":"%s","maxTravelKm":25,"eHealthAcceptable":true,"screeningConsent":true}"""
                .formatted(ValidShapes.BSN, ValidShapes.NAME, ValidShapes.EMAIL, DemoUsers.INSURER_UZOVI,
                        DemoUsers.PROVIDER_AGB));
        assertThat(referral.statusCode()).as("fixture referral: " + referral.body()).isEqualTo(201);
        HttpResponse<String> line = post(ServiceKind.CAPACITY, "/api/v1/capacity", DemoUsers.PROVIDER, """
                {"providerType":"GGZ_INSTITUTION","locationPostcode":"3011 AB","diagnosisGroups":["DEPRESSION"],
                 "careLevel":"SPECIALIST","places":2,"availableFrom":"%s","availableUntil":"%s"}"""
                .formatted(LocalDate.now(), LocalDate.now().plusDays(60)));
        assertThat(line.statusCode()).as("fixture capacity line: " + line.body()).isEqualTo(201);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("referralId", EventJson.mapper().readTree(referral.body()).path("referralId").asText());
        ids.put("capacityLineId", EventJson.mapper().readTree(line.body()).path("capacityLineId").asText());

        RowCounts transferTable = databases.get(ServiceKind.TRANSFER_TABLE);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, Long> counts = transferTable.snapshot();
            return counts.getOrDefault("waiting_client", 0L) >= 1 && counts.getOrDefault("capacity_line", 0L) >= 1;
        });
        // then quiet: no service's rows moved for two seconds
        Map<ServiceKind, Map<String, Long>>[] last = new Map[] {snapshotAll()};
        Instant[] lastChange = {Instant.now()};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Map<ServiceKind, Map<String, Long>> now = snapshotAll();
            if (!now.equals(last[0])) {
                last[0] = now;
                lastChange[0] = Instant.now();
            }
            return Duration.between(lastChange[0], Instant.now()).compareTo(Duration.ofSeconds(2)) >= 0;
        });
        return ids;
    }

    private static HttpResponse<String> post(ServiceKind service, String path, DemoUser user, String json) {
        return send(HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                .header("Authorization", "Bearer " + stack.tokenFor(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
