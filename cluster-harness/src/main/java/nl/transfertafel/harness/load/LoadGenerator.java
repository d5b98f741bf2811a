package nl.transfertafel.harness.load;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.transfertafel.demo.DemoData;
import nl.transfertafel.harness.invariants.Expectations.AcceptedReferral;
import nl.transfertafel.harness.load.Api.Answer;
import tools.jackson.databind.JsonNode;

/**
 * Drives the national shape through the public APIs: GP practices refer clients (open model: requests
 * start on a fixed schedule whatever the answers take, so a slow stack cannot slow the load down and
 * hide its own latency), providers announce and withdraw capacity, two coordinators per region screen
 * every proposal, the receiving provider and the GP answer every offer.
 */
public final class LoadGenerator implements AutoCloseable {

    /** Retries of one referral with the same Idempotency-Key while an instance is down (as a GP system would). */
    private static final int REFERRAL_ATTEMPTS = 8;

    private final World world;
    private final Api api;
    private final Ledger ledger;
    private final Map<String, List<String>> urls;
    private final ExecutorService workers = Executors.newFixedThreadPool(96, daemon("load"));
    private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(3, daemon("load-ticker"));
    private final ScheduledExecutorService screeners;
    private final AtomicBoolean screening = new AtomicBoolean();
    private final AtomicLong referralsAnswered201 = new AtomicLong();
    private final AtomicLong capacityEvents = new AtomicLong();
    private final AtomicLong approvals = new AtomicLong();
    private final AtomicLong offerAnswers = new AtomicLong();

    public LoadGenerator(World world, Api api, Ledger ledger, Map<String, List<String>> serviceUrls) {
        this.world = world;
        this.api = api;
        this.ledger = ledger;
        this.urls = serviceUrls;
        this.screeners = Executors.newScheduledThreadPool(Math.max(1, world.regions().size()), daemon("screening"));
    }

    /** Referrals and capacity events at fixed rates for a while; returns the 201s per second achieved. */
    public double run(double referralsPerSecond, double capacityPerSecond, Duration duration) {
        long before = referralsAnswered201.get();
        List<ScheduledFuture<?>> schedules = new ArrayList<>();
        schedules.add(every(referralsPerSecond, () -> workers.execute(this::refer)));
        if (capacityPerSecond > 0) {
            schedules.add(every(capacityPerSecond, () -> workers.execute(this::capacityEvent)));
        }
        sleep(duration);
        schedules.forEach(s -> s.cancel(false));
        // the referrals started in this phase finish (or time out) before they are counted
        awaitQuiet(Duration.ofSeconds(35));
        return (referralsAnswered201.get() - before) / (double) duration.toSeconds();
    }

    /**
     * Steps the referral rate up until the stack no longer keeps up (fewer than 80% of the requests of a
     * step answered 201 within the step); returns the best sustained 201s per second of any step.
     */
    public Map<Integer, Double> rampToSaturation(List<Integer> rates, Duration step, double capacityPerSecond) {
        Map<Integer, Double> achieved = new LinkedHashMap<>();
        for (int rate : rates) {
            long before = referralsAnswered201.get();
            List<ScheduledFuture<?>> schedules = new ArrayList<>();
            schedules.add(every(rate, () -> workers.execute(this::refer)));
            schedules.add(every(capacityPerSecond, () -> workers.execute(this::capacityEvent)));
            sleep(step);
            schedules.forEach(s -> s.cancel(false));
            double perSecond = (referralsAnswered201.get() - before) / (double) step.toSeconds();
            achieved.put(rate, perSecond);
            System.out.printf("ramp: offered %d referrals/s, answered 201 %.1f/s%n", rate, perSecond);
            if (perSecond < 0.8 * rate) {
                break;
            }
        }
        awaitQuiet(Duration.ofSeconds(35));
        return achieved;
    }

    /** Coordinators screen, providers and GPs answer, every half second per region, until stopped. */
    public void startScreening() {
        if (screening.compareAndSet(false, true)) {
            for (World.Region region : world.regions()) {
                // one screening pass at a time per region, half a second after the last one ended: a slow
                // queue must not pile up passes (they would only slow the queue further)
                screeners.scheduleWithFixedDelay(() -> {
                    try {
                        screen(region);
                    } catch (RuntimeException e) {
                        System.out.println("screening " + region.name() + " failed: " + e);
                    }
                }, 500, 500, TimeUnit.MILLISECONDS);
            }
        }
    }

    public Map<String, Long> counters() {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("referrals_201", referralsAnswered201.get());
        c.put("referrals_refused", ledger.refusedCount());
        c.put("referrals_failed", ledger.failedCount());
        c.put("capacity_events", capacityEvents.get());
        c.put("approvals", approvals.get());
        c.put("offer_answers", offerAnswers.get());
        return c;
    }

    // --- referrals

    void refer() {
        List<World.Region> regions = world.regions();
        World.Region region = regions.get(ThreadLocalRandom.current().nextInt(regions.size()));
        Identity gp = region.gps().get(ThreadLocalRandom.current().nextInt(region.gps().size()));
        Map<String, Object> body = referralBody(region);
        UUID key = UUID.randomUUID();
        for (int attempt = 1; attempt <= REFERRAL_ATTEMPTS; attempt++) {
            Answer answer = api.postIdempotent(urls.get("intake-service"), "/api/v1/referrals", gp, body, key);
            if (answer.status() == 201) {
                referralsAnswered201.incrementAndGet();
                ledger.accepted(new AcceptedReferral(UUID.fromString(answer.body().path("referralId").asText()),
                        gp.organisation(), region.name()));
                return;
            }
            if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 409 && answer.status() != 429) {
                ledger.refused();
                return;
            }
            sleep(Duration.ofMillis(500L * attempt));
        }
        ledger.failed();
    }

    private static Map<String, Object> referralBody(World.Region region) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        DemoData.Client template = region.clientTemplates().get(random.nextInt(region.clientTemplates().size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bsn", Bsn.random(random));
        body.put("name", "Harness Client " + random.nextInt(1_000_000));
        body.put("dateOfBirth", template.dateOfBirth().toString());
        body.put("postcode", template.postcode());
        body.put("language", "nl");
        body.put("insurerUzovi", template.insurerUzovi());
        body.put("diagnosisGroup", template.diagnosisGroup().name());
        body.put("careLevel", template.careLevel().name());
        body.put("urgency", random.nextInt(10) < 3 ? "URGENT" : "REGULAR");
        body.put("maxTravelKm", 50);
        body.put("eHealthAcceptable", true);
        body.put("screeningConsent", true);
        return body;
    }

    // --- capacity: three announcements for every withdrawal

    void capacityEvent() {
        capacityEvents.incrementAndGet();
        if (ThreadLocalRandom.current().nextInt(4) == 0) {
            Ledger.Line line = ledger.takeLineOlderThan(System.currentTimeMillis() - 20_000);
            if (line != null) {
                api.post(urls.get("capacity-service"), "/api/v1/capacity/" + line.capacityLineId() + "/withdraw",
                        line.provider(), Map.of());
                return;
            }
        }
        List<World.Region> regions = world.regions();
        World.Region region = regions.get(ThreadLocalRandom.current().nextInt(regions.size()));
        World.ProviderActor provider = region.providers().get(ThreadLocalRandom.current().nextInt(region.providers().size()));
        DemoData.Offering offering = provider.provider().offerings().get(
                ThreadLocalRandom.current().nextInt(provider.provider().offerings().size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerType", provider.provider().type().name());
        // the demo registry keeps a location's four digits only; the API wants a full postcode
        String postcode = provider.provider().locations().get(0).postcode();
        body.put("locationPostcode", postcode.length() == 4 ? postcode + " AB" : postcode);
        body.put("diagnosisGroups", offering.diagnosisGroups().stream().map(Enum::name).toList());
        body.put("careLevel", offering.careLevel().name());
        body.put("places", 1 + ThreadLocalRandom.current().nextInt(3));
        body.put("availableFrom", LocalDate.now().toString());
        Answer answer = api.post(urls.get("capacity-service"), "/api/v1/capacity", provider.identity(), body);
        if (answer.ok() && answer.body().hasNonNull("capacityLineId")) {
            ledger.announced(new Ledger.Line(UUID.fromString(answer.body().path("capacityLineId").asText()),
                    provider.identity(), System.currentTimeMillis()));
        }
    }

    // --- four eyes and the answers to offers

    void screen(World.Region region) {
        Answer queue = api.get(urls.get("transfer-table-service"), "/api/v1/screening/queue", region.coordinatorA());
        if (!queue.ok()) {
            return;
        }
        int handled = 0;
        for (JsonNode item : queue.body()) {
            if (handled++ >= 20) {
                break;
            }
            String proposalId = item.path("proposalId").asText();
            String providerAgb = item.path("proposed").path("providerAgb").asText();
            Answer result = null;
            for (Identity coordinator : List.of(region.coordinatorA(), region.coordinatorB())) {
                Answer approve = api.post(urls.get("transfer-table-service"),
                        "/api/v1/proposals/" + proposalId + "/approve", coordinator, Map.of());
                if (approve.ok()) {
                    approvals.incrementAndGet();
                    result = approve;
                }
            }
            if (result != null && "OFFERED".equals(result.body().path("state").asText())) {
                answerOffer(proposalId, providerAgb);
            }
        }
    }

    private void answerOffer(String proposalId, String providerAgb) {
        Identity provider = world.actorFor(providerAgb, "PROVIDER");
        if (provider == null) {
            return; // an offer to a provider the harness cannot act for (demo users only): it expires
        }
        boolean accept = ThreadLocalRandom.current().nextInt(10) < 8;
        Map<String, Object> providerAnswer = new LinkedHashMap<>();
        providerAnswer.put("accepted", accept);
        if (accept) {
            providerAnswer.put("handoverContact", "Intake desk");
        } else {
            providerAnswer.put("declineReason", "NOT_SUITABLE_FOR_OUR_CARE");
        }
        Answer answered = api.post(urls.get("transfer-table-service"), "/api/v1/offers/" + proposalId + "/provider-response",
                provider, providerAnswer);
        if (!answered.ok()) {
            return;
        }
        offerAnswers.incrementAndGet();
        Identity gp = world.actorFor(answered.body().path("referrerAgb").asText(), "GP");
        if (accept && gp != null) {
            Answer client = api.post(urls.get("transfer-table-service"), "/api/v1/offers/" + proposalId + "/client-response",
                    gp, Map.of("accepted", true));
            if (client.ok()) {
                offerAnswers.incrementAndGet();
            }
        }
    }

    // --- plumbing

    private ScheduledFuture<?> every(double perSecond, Runnable action) {
        long periodMicros = Math.max(1, Math.round(1_000_000 / perSecond));
        return ticker.scheduleAtFixedRate(action, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void awaitQuiet(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && ((java.util.concurrent.ThreadPoolExecutor) workers).getActiveCount() > 0) {
            sleep(Duration.ofMillis(200));
        }
    }

    static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        screeners.shutdownNow();
        workers.shutdownNow();
    }
}
