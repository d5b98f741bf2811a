package nl.transfertafel.capacity.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A clock tests move forward (never back, since all integration tests share one context and database). */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;

    public MovableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the shared test clock only moves forward");
        }
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service clock is UTC");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        /**
         * Starts now, to the millisecond: PostgreSQL keeps microseconds and rounds, so a nanosecond
         * start could store a deadline a fraction later than the clock says and make the boundary tests
         * (expires exactly at the end of the hold) flaky.
         */
        @Bean
        MovableClock clock() {
            return new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }
}
