package nl.transfertafel.harness.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The organisations' webhook receivers, as one local HTTP server: answers 204 to every notification and
 * counts each {@code X-Transfertafel-Delivery-Id} it accepted, so the invariant check can say whether
 * every notification arrived exactly once. {@link #goDown()} closes the port (connection refused, as a
 * receiver that is down), {@link #comeBack()} opens it again on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {

    public static final String DELIVERY_ID_HEADER = "X-Transfertafel-Delivery-Id";

    private final Map<UUID, Integer> received = new ConcurrentHashMap<>();
    private final AtomicLong withoutId = new AtomicLong();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "webhook-receiver");
        t.setDaemon(true);
        return t;
    });
    private HttpServer server;
    private int boundPort;

    private WebhookReceiver() {
    }

    /** Starts on a free port of 127.0.0.1 (port 0) or the given one. */
    public static WebhookReceiver start(int port) {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.open(port);
        return receiver;
    }

    public synchronized String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    public synchronized boolean isUp() {
        return server != null;
    }

    public synchronized void goDown() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void comeBack() {
        if (server == null) {
            open(boundPort);
        }
    }

    /** Accepted deliveries by id, with how often each arrived. */
    public Map<UUID, Integer> received() {
        return Map.copyOf(received);
    }

    public long total() {
        return received.values().stream().mapToLong(Integer::longValue).sum() + withoutId.get();
    }

    private void open(int wanted) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 128);
            http.createContext("/webhook", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    String id = exchange.getRequestHeaders().getFirst(DELIVERY_ID_HEADER);
                    if (id == null) {
                        withoutId.incrementAndGet();
                    } else {
                        received.merge(UUID.fromString(id), 1, Integer::sum);
                    }
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            http.setExecutor(workers);
            http.start();
            server = http;
            boundPort = http.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the webhook receiver on port " + wanted + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        goDown();
        workers.shutdownNow();
    }
}
