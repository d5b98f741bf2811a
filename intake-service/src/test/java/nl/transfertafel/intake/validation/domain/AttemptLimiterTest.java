package nl.transfertafel.intake.validation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

    /** A clock the test moves. */
    static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Ticking clock = new Ticking();

    @Test
    void a_key_gets_its_limit_per_window_and_then_waits_for_the_next() {
        AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(15), 100, clock);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).as("another key has its own count").isTrue();

        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(limiter.tryAcquire("a")).isTrue();
    }

    @Test
    void memory_stays_bounded_under_a_flood_of_keys() {
        AttemptLimiter limiter = new AttemptLimiter(1, Duration.ofMinutes(15), 10, clock);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAcquire("key-" + i)).isTrue();
        }
        // the newest keys are still counted; the oldest were forgotten (and may try once more)
        assertThat(limiter.tryAcquire("key-999")).isFalse();
        assertThat(limiter.tryAcquire("key-0")).isTrue();
    }
}
