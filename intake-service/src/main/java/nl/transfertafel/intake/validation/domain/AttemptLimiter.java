package nl.transfertafel.intake.validation.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fixed-window counter per key (an answer token, a client address): at most {@code limit} attempts
 * per {@code window}. Kept here because no maintained rate-limit library (Bucket4j) resolves from this
 * project's Maven mirror (ADR 1401). Bounded: at most {@code maxKeys} keys are remembered, the oldest
 * windows dropped first, so a flood of made-up tokens cannot grow memory. Per instance: several
 * instances each allow {@code limit}, which for a 256-bit token changes nothing about guessing.
 */
public final class AttemptLimiter {

    private record Window(Instant start, int count) {
    }

    private final int limit;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

    public AttemptLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        if (limit < 1 || window.isZero() || window.isNegative() || maxKeys < 1) {
            throw new IllegalArgumentException("a limiter needs a positive limit, window and size");
        }
        this.limit = limit;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Counts an attempt for the key; false when the key has used up its window. */
    public synchronized boolean tryAcquire(String key) {
        Instant now = clock.instant();
        Window current = windows.get(key);
        if (current == null || !now.isBefore(current.start().plus(window))) {
            windows.remove(key);
            current = new Window(now, 0);
        }
        if (current.count() >= limit) {
            windows.put(key, current);
            return false;
        }
        windows.put(key, new Window(current.start(), current.count() + 1));
        evict(now);
        return true;
    }

    private void evict(Instant now) {
        if (windows.size() <= maxKeys) {
            return;
        }
        // expired windows carry no information; then the oldest go
        windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        Iterator<Map.Entry<String, Window>> oldest = windows.entrySet().iterator();
        while (windows.size() > maxKeys && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
