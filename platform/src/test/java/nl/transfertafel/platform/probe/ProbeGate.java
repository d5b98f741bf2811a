package nl.transfertafel.platform.probe;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Lets a test hold a probe action in the middle of its transaction and count how often it ran,
 * so concurrency tests can line requests up deterministically instead of hoping for a race.
 */
public final class ProbeGate {

    private static final Map<String, CompletableFuture<Void>> GATES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private ProbeGate() {
    }

    /** Actions for this note will wait inside their transaction until {@link #release}. */
    public static void hold(String note) {
        GATES.put(note, new CompletableFuture<>());
    }

    public static void release(String note) {
        CompletableFuture<Void> gate = GATES.remove(note);
        if (gate != null) {
            gate.complete(null);
        }
    }

    public static int runs(String note) {
        AtomicInteger runs = RUNS.get(note);
        return runs == null ? 0 : runs.get();
    }

    static Mono<Void> enter(String note) {
        return Mono.defer(() -> {
            RUNS.computeIfAbsent(note, n -> new AtomicInteger()).incrementAndGet();
            CompletableFuture<Void> gate = GATES.get(note);
            return gate == null ? Mono.empty() : Mono.fromFuture(gate);
        });
    }
}
