package nl.transfertafel.notification.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays intake-service's side of the contact contract for this module's integration tests
 * ({@code GET /api/v1/internal/referrals/{id}/contact}, 404 when no contact; and
 * {@code POST /api/v1/internal/validation-questions/{id}/answer-link}, 404 when not open), answering from the
 * contacts a test registered, and refusing calls without a bearer token. The real endpoint is
 * exercised end to end in local-stack's {@code ClientNotificationIT}.
 */
public final class ContactDesk implements AutoCloseable {

    private static ContactDesk shared;

    private final HttpServer server;
    private final Map<String, String> contactJsonByReferral = new ConcurrentHashMap<>();
    private final Map<String, java.util.List<String>> answerLinksByQuestion = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mintsByQuestion = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    private ContactDesk() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/internal/referrals/", this::handle);
        server.createContext("/api/v1/internal/validation-questions/", this::mint);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public static synchronized ContactDesk shared() {
        if (shared == null) {
            shared = new ContactDesk();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "contact-desk-stop"));
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void register(String referralId, String email, String phone, String language) {
        contactJsonByReferral.put(referralId, "{\"referralId\":\"" + referralId + "\",\"email\":"
                + (email == null ? "null" : "\"" + email + "\"") + ",\"phone\":"
                + (phone == null ? "null" : "\"" + phone + "\"") + ",\"language\":\"" + language + "\"}");
    }

    /**
     * The answer links intake would mint for a question, one per call in turn (the last one again
     * when they run out); a question without links is not open (404).
     */
    public void registerAnswerLinks(String questionId, String... urls) {
        answerLinksByQuestion.put(questionId, java.util.List.of(urls));
    }

    /** How often a link was minted for the question. */
    public int mints(String questionId) {
        return mintsByQuestion.computeIfAbsent(questionId, id -> new AtomicInteger()).get();
    }

    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        // /api/v1/internal/referrals/{id}/contact
        if (auth == null || !auth.startsWith("Bearer ") || parts.length != 7 || !parts[6].equals("contact")) {
            exchange.sendResponseHeaders(auth == null ? 401 : 404, -1);
            exchange.close();
            return;
        }
        String json = contactJsonByReferral.get(parts[5]);
        if (json == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** {@code POST /api/v1/internal/validation-questions/{id}/answer-link}, as intake-service answers it. */
    private void mint(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String[] parts = exchange.getRequestURI().getPath().split("/");
        if (auth == null || !auth.startsWith("Bearer ") || !"POST".equals(exchange.getRequestMethod())
                || parts.length != 7 || !parts[6].equals("answer-link")) {
            exchange.sendResponseHeaders(auth == null ? 401 : 404, -1);
            exchange.close();
            return;
        }
        java.util.List<String> urls = answerLinksByQuestion.get(parts[5]);
        if (urls == null || urls.isEmpty()) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        int minted = mintsByQuestion.computeIfAbsent(parts[5], id -> new AtomicInteger()).getAndIncrement();
        String url = urls.get(Math.min(minted, urls.size() - 1));
        byte[] body = ("{\"questionId\":\"" + parts[5] + "\",\"url\":\"" + url
                + "\",\"language\":\"nl\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
