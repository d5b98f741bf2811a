package nl.transfertafel.transfertable.matching.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Debouncing per region on a virtual timeline: bursts coalesce, a steady stream cannot postpone for ever. */
class RegionDebouncerTest {

    /** A scheduler and clock on virtual time: advance() runs what falls due. */
    static final class VirtualTime extends Clock implements RegionDebouncer.Scheduler {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");
        private final List<Task> tasks = new ArrayList<>();

        private final class Task implements RegionDebouncer.Cancellable {
            final Instant due;
            final Runnable run;
            boolean cancelled;

            Task(Instant due, Runnable run) {
                this.due = due;
                this.run = run;
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        }

        @Override
        public RegionDebouncer.Cancellable schedule(Runnable task, Duration delay) {
            Task t = new Task(now.plus(delay), task);
            tasks.add(t);
            return t;
        }

        void advance(Duration by) {
            Instant until = now.plus(by);
            while (true) {
                Task next = tasks.stream().filter(t -> !t.cancelled && !t.due.isAfter(until))
                        .min(Comparator.comparing(t -> t.due)).orElse(null);
                if (next == null) {
                    break;
                }
                tasks.remove(next);
                now = next.due;
                next.run.run();
            }
            now = until;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final VirtualTime time = new VirtualTime();
    private final List<String> rounds = new ArrayList<>();
    private final RegionDebouncer debouncer = new RegionDebouncer(Duration.ofSeconds(2), Duration.ofSeconds(10), time,
            time, region -> rounds.add(region + "@" + time.instant().getEpochSecond() % 100));

    @Test
    void a_burst_of_events_leads_to_one_round_after_the_region_is_quiet() {
        debouncer.request("rotterdam");
        time.advance(Duration.ofMillis(500));
        debouncer.request("rotterdam");
        time.advance(Duration.ofMillis(500));
        debouncer.request("rotterdam");
        assertThat(rounds).isEmpty();
        time.advance(Duration.ofMillis(1999));
        assertThat(rounds).isEmpty();
        time.advance(Duration.ofMillis(1));
        assertThat(rounds).containsExactly("rotterdam@3");
        assertThat(debouncer.pending()).isZero();
    }

    @Test
    void a_steady_stream_still_gets_a_round_at_the_maximum_delay() {
        for (int i = 0; i < 30; i++) {
            debouncer.request("rotterdam");
            time.advance(Duration.ofSeconds(1));
        }
        // signals every second for 30 s: rounds at 10 s, 21 s (the second burst starts at 11 s), ...
        assertThat(rounds).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rounds.get(0)).isEqualTo("rotterdam@10");
    }

    @Test
    void regions_are_debounced_independently() {
        debouncer.request("rotterdam");
        time.advance(Duration.ofSeconds(1));
        debouncer.request("utrecht");
        time.advance(Duration.ofSeconds(1));
        assertThat(rounds).containsExactly("rotterdam@2");
        time.advance(Duration.ofSeconds(1));
        assertThat(rounds).containsExactly("rotterdam@2", "utrecht@3");
    }

    @Test
    void a_signal_after_the_round_starts_a_new_burst() {
        debouncer.request("rotterdam");
        time.advance(Duration.ofSeconds(3));
        debouncer.request("rotterdam");
        time.advance(Duration.ofSeconds(3));
        assertThat(rounds).containsExactly("rotterdam@2", "rotterdam@5");
    }

    @Test
    void quiet_may_not_exceed_the_maximum_delay() {
        assertThatThrownBy(() -> new RegionDebouncer(Duration.ofSeconds(5), Duration.ofSeconds(1), time, time, r -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
