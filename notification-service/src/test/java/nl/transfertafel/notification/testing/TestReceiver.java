package nl.transfertafel.notification.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver as an organisation would write one, never with the service's own signing code.
 * With a {@code whsec_} secret it is a Standard Webhooks receiver: it verifies with the
 * specification's Java library ({@code com.standardwebhooks.Webhook#verify}, which also refuses
 * timestamps more than five minutes off). With another secret it follows the earlier documented
 * scheme: it recomputes HMAC-SHA256 over {@code t + "." + body}, compares in constant time and
 * refuses signatures older than five minutes. Either way it refuses a signature it has already
 * processed (replays) and answers 401 to anything that fails. What it accepts is recorded in arrival
 * order. Tests can make it answer an error status or hang.
 */
public final class TestReceiver implements AutoCloseable {

    /** @param signatureHeaders the signature headers as received (Standard Webhooks: webhook-id, -timestamp, -signature) */
    public record Received(String deliveryId, String eventId, String eventType, Map<String, String> signatureHeaders,
            String body, Instant at) {

        public String signature() {
            return signatureHeaders.getOrDefault("webhook-signature", signatureHeaders.get("X-Transfertafel-Signature"));
        }
    }

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final HttpServer server;
    private final String secret;
    private final List<Received> accepted = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private final Set<String> seenSignatures = new HashSet<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntUnaryOperator status = n -> 204;
    private volatile int hangOnRequest = -1;
    private volatile String hangOnEvent;
    private final CountDownLatch hanging = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    public TestReceiver(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public boolean standardWebhooks() {
        return secret.startsWith("whsec_");
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Status per request number (1-based) for requests that pass verification. */
    public void answer(IntUnaryOperator statusByRequestNumber) {
        this.status = statusByRequestNumber;
    }

    /** The n-th request (1-based) hangs until {@link #release()}. */
    public void hangOn(int requestNumber) {
        this.hangOnRequest = requestNumber;
    }

    /**
     * Every request whose body names this event id hangs until {@link #release()}. Where several Spring contexts
     * of the test JVM share the database, each runs a dispatcher woken by the same commits: when the test stops
     * its own loop, another context's dispatcher may send the delivery again at once, and that copy must hang
     * too, or it is recorded as delivered while the test expects it pending.
     */
    public void hangOnEvent(String eventId) {
        this.hangOnEvent = eventId;
    }

    public boolean awaitHanging(Duration timeout) throws InterruptedException {
        return hanging.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void release() {
        release.countDown();
    }

    public int requests() {
        return requests.get();
    }

    public synchronized List<Received> accepted() {
        return List.copyOf(accepted);
    }

    public synchronized List<String> rejected() {
        return List.copyOf(rejected);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int number = requests.incrementAndGet();
        Map<String, String> signatureHeaders = new LinkedHashMap<>();
        for (String name : standardWebhooks() ? List.of("webhook-id", "webhook-timestamp", "webhook-signature")
                : List.of("X-Transfertafel-Signature")) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                signatureHeaders.put(name, value);
            }
        }
        String signature = standardWebhooks() ? signatureHeaders.get("webhook-signature")
                : signatureHeaders.get("X-Transfertafel-Signature");
        String problem = standardWebhooks() ? verifyStandard(exchange.getRequestHeaders(), body) : verify(signature, body);
        if (problem != null) {
            synchronized (this) {
                rejected.add(problem);
            }
            respond(exchange, 401);
            return;
        }
        boolean namesHangEvent = hangOnEvent != null
                && new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("\"" + hangOnEvent + "\"");
        if (number == hangOnRequest || namesHangEvent) {
            hanging.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int answer = status.applyAsInt(number);
        if (answer >= 200 && answer < 300) {
            synchronized (this) {
                // a signature counts as used once the request was processed: a retry of a request
                // this receiver failed is legitimate, a second copy of one it processed is a replay
                if (!seenSignatures.add(signature)) {
                    rejected.add("replayed signature");
                    respond(exchange, 401);
                    return;
                }
                accepted.add(new Received(exchange.getRequestHeaders().getFirst("X-Transfertafel-Delivery-Id"),
                        exchange.getRequestHeaders().getFirst("X-Transfertafel-Event-Id"),
                        exchange.getRequestHeaders().getFirst("X-Transfertafel-Event-Type"), signatureHeaders,
                        new String(body, StandardCharsets.UTF_8), Instant.now()));
            }
        }
        respond(exchange, answer);
    }

    /** As a Standard Webhooks receiver: the specification's library decides (signature and timestamp tolerance). */
    String verifyStandard(Map<String, List<String>> headers, byte[] body) {
        try {
            new Webhook(secret).verify(new String(body, StandardCharsets.UTF_8), headers);
            return null;
        } catch (WebhookVerificationException e) {
            return e.getMessage() != null && e.getMessage().toLowerCase().contains("timestamp")
                    ? "stale signature" : "bad signature";
        }
    }

    /** Null when the signature is valid, fresh and not seen before; else why not. */
    synchronized String verify(String header, byte[] body) {
        if (header == null) {
            return "no signature";
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].trim().equals("t")) {
                t = kv[1].trim();
            } else if (kv.length == 2 && kv[0].trim().equals("v1")) {
                v1 = kv[1].trim();
            }
        }
        if (t == null || v1 == null) {
            return "malformed signature";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return "malformed timestamp";
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
            return "stale signature";
        }
        String expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((t + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            expected = hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII))) {
            return "bad signature";
        }
        return null;
    }

    /** Sends a captured request again, as an attacker replaying it would. Returns the status. */
    public int resend(Received captured) {
        try {
            var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url()))
                    .header("Content-Type", "application/json")
                    .header("X-Transfertafel-Delivery-Id", captured.deliveryId());
            captured.signatureHeaders().forEach(builder::header);
            var request = builder.POST(java.net.http.HttpRequest.BodyPublishers.ofString(captured.body())).build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
