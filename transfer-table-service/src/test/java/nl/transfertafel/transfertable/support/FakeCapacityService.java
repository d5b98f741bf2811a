package nl.transfertafel.transfertable.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.transfertafel.contracts.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for capacity-service's reservation endpoint in this module's integration tests,
 * implementing the agreed contract: {@code POST /api/v1/reservations {capacityLineId, proposalId}}
 * takes a place (201) or answers 409 {@code no-place-left}; the same proposal id again returns the
 * same reservation. It requires a bearer token. The real endpoint is exercised by the cross-service
 * tests in local-stack.
 */
public final class FakeCapacityService {

    private static FakeCapacityService instance;

    private final HttpServer server;
    private final Map<String, AtomicInteger> placesLeft = new ConcurrentHashMap<>();
    private final Map<String, String> reservationByProposal = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final Map<String, String> idempotencyKeyByProposal = new ConcurrentHashMap<>();
    private final java.util.Set<String> loseReplyFor = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    private FakeCapacityService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/reservations", this::reserve);
        server.start();
    }

    public static synchronized FakeCapacityService instance() {
        if (instance == null) {
            try {
                instance = new FakeCapacityService();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many places capacity-service has left on a line (what the announcement said, until reserved). */
    public void places(String capacityLineId, int places) {
        placesLeft.put(capacityLineId, new AtomicInteger(places));
    }

    /** While down, every reservation is answered 503, as when capacity-service is restarting. */
    public void down(boolean down) {
        this.down = down;
    }

    /**
     * Reservations on this line are made, but the reply is lost (answered 503, as when the call timed
     * out after capacity-service had committed the reservation).
     */
    public void loseReplies(String capacityLineId) {
        loseReplyFor.add(capacityLineId);
    }

    /** The reservation made for a proposal, if any. */
    public String reservationOf(String proposalId) {
        return reservationByProposal.get(proposalId);
    }

    /** The {@code Idempotency-Key} header the last reserve call for this proposal carried (null: none). */
    public String idempotencyKeyOf(String proposalId) {
        return idempotencyKeyByProposal.get(proposalId);
    }

    public int calls() {
        return calls.get();
    }

    private void reserve(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        if (down) {
            answer(exchange, 503, "{\"rule\":\"unavailable\"}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            answer(exchange, 401, "{\"rule\":\"authentication\"}");
            return;
        }
        JsonNode body = EventJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
        String line = body.path("capacityLineId").asText();
        String proposal = body.path("proposalId").asText();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null) {
            idempotencyKeyByProposal.put(proposal, key);
        }
        synchronized (this) {
            String existing = reservationByProposal.get(proposal);
            AtomicInteger left = placesLeft.computeIfAbsent(line, k -> new AtomicInteger(0));
            if (existing == null) {
                if (left.get() <= 0) {
                    answer(exchange, 409, "{\"type\":\"https://transfertafel.nl/problems/no-place-left\","
                            + "\"title\":\"Conflict\",\"status\":409,\"rule\":\"no-place-left\","
                            + "\"detail\":\"No place left on line " + line + "\"}");
                    return;
                }
                left.decrementAndGet();
                existing = "res-" + UUID.randomUUID();
                reservationByProposal.put(proposal, existing);
            }
            if (loseReplyFor.contains(line)) {
                answer(exchange, 503, "{\"rule\":\"unavailable\"}");
                return;
            }
            answer(exchange, 201, "{\"reservationId\":\"" + existing + "\",\"capacityLineId\":\"" + line
                    + "\",\"proposalId\":\"" + proposal + "\",\"providerAgb\":\"22000002\",\"state\":\"HELD\","
                    + "\"expiresAt\":\"" + Instant.now().plusSeconds(30L * 24 * 3600) + "\",\"placesLeft\":" + left.get() + "}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
