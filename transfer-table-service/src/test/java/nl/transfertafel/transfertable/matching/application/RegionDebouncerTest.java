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
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Rounds per region on a virtual timeline: a quiet region gets its round at once, events during a
 * round are coalesced into one follow-up round, rounds of a region keep a minimum gap.
 */
class RegionDebouncerTest {

    /** A scheduler and clock on virtual time: advance() runs what falls due. */
    static final class VirtualTime extends Clock implements RegionDebouncer.Scheduler {
        static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
        private Instant now = START;
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
                if (now.isBefore(next.due)) {
                    now = next.due;
                }
                next.run.run();
            }
            if (now.isBefore(until)) {
                now = until;
            }
        }

        /** A round that takes time: the clock moves on while it runs. */
        void spend(Duration duration) {
            now = now.plus(duration);
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
    /** What happens while a round runs (events arriving meanwhile); the round takes {@link #roundTakes}. */
    private final List<Runnable> duringNextRound = new ArrayList<>();
    private Duration roundTakes = Duration.ZERO;
    private final RegionDebouncer<String> debouncer = new RegionDebouncer<>(Duration.ofMillis(200), time, time,
            recordingRound());

    /** A round that records its region and start, lets {@link #duringNextRound} happen, and takes {@link #roundTakes}. */
    private BiConsumer<String, List<String>> recordingRound() {
        return (region, requesters) -> {
            rounds.add(region + "@" + Duration.between(VirtualTime.START, time.instant()).toMillis());
            List<Runnable> events = new ArrayList<>(duringNextRound);
            duringNextRound.clear();
            events.forEach(Runnable::run);
            time.spend(roundTakes);
        };
    }

    @Test
    void a_quiet_region_gets_its_round_at_once() {
        debouncer.request("rotterdam");
        time.advance(Duration.ZERO);

        // before the fix the round waited for 2 s of quiet
        assertThat(rounds).containsExactly("rotterdam@0");
        assertThat(debouncer.pending()).isZero();
    }

    @Test
    void events_during_a_round_are_coalesced_into_one_follow_up_round() {
        roundTakes = Duration.ofMillis(500);
        duringNextRound.add(() -> {
            for (int i = 0; i < 50; i++) {
                debouncer.request("rotterdam");
            }
        });
        debouncer.request("rotterdam");
        time.advance(Duration.ofSeconds(5));

        // the first round at once; the 50 events that came while it ran: one round when it ended
        assertThat(rounds).containsExactly("rotterdam@0", "rotterdam@500");
        assertThat(debouncer.pending()).isZero();
    }

    @Test
    void events_before_a_scheduled_round_starts_add_no_round() {
        debouncer.request("rotterdam");
        debouncer.request("rotterdam");
        debouncer.request("rotterdam");
        time.advance(Duration.ofSeconds(1));

        assertThat(rounds).containsExactly("rotterdam@0");
    }

    @Test
    void rounds_of_a_busy_region_keep_the_minimum_gap() {
        debouncer.request("rotterdam");
        time.advance(Duration.ofMillis(50));
        debouncer.request("rotterdam");
        time.advance(Duration.ofMillis(100));
        assertThat(rounds).containsExactly("rotterdam@0");
        time.advance(Duration.ofMillis(50));
        assertThat(rounds).containsExactly("rotterdam@0", "rotterdam@200");
    }

    @Test
    void a_steady_stream_gets_a_round_every_gap_not_one_per_event() {
        for (int i = 0; i < 100; i++) {
            debouncer.request("rotterdam");
            time.advance(Duration.ofMillis(20));
        }
        time.advance(Duration.ofSeconds(1));
        // 100 events over 2 s: about one round per 200 ms, the last event is never left unmatched
        assertThat(rounds).hasSizeBetween(10, 11);
        assertThat(rounds.get(rounds.size() - 1)).isEqualTo("rotterdam@2000");
    }

    @Test
    void regions_are_independent() {
        roundTakes = Duration.ofMillis(300);
        duringNextRound.add(() -> debouncer.request("rotterdam"));
        debouncer.request("rotterdam");
        debouncer.request("utrecht");
        time.advance(Duration.ofSeconds(2));
        // utrecht waits for the single round thread, not for rotterdam's follow-up
        assertThat(rounds).containsExactly("rotterdam@0", "utrecht@300", "rotterdam@600");
    }

    @Test
    void a_failing_round_does_not_wedge_the_region() {
        RegionDebouncer<String> failing = new RegionDebouncer<>(Duration.ZERO, time, time, (region, requesters) -> {
            rounds.add(region);
            throw new IllegalStateException("database down");
        });
        failing.request("rotterdam");
        assertThatThrownBy(() -> time.advance(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        assertThat(failing.pending()).isZero();
        failing.request("rotterdam");
        assertThatThrownBy(() -> time.advance(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        assertThat(rounds).containsExactly("rotterdam", "rotterdam");
    }

    @Test
    void the_gap_may_not_be_negative() {
        assertThatThrownBy(() -> new RegionDebouncer<String>(Duration.ofSeconds(-1), time, time, (r, who) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_round_is_told_who_asked_first_first_and_who_asked_while_it_ran_goes_to_the_follow_up() {
        List<String> told = new ArrayList<>();
        List<Runnable> during = new ArrayList<>();
        RegionDebouncer<String> traced = new RegionDebouncer<>(Duration.ofMillis(200), time, time,
                (region, requesters) -> {
                    told.add(region + ":" + requesters);
                    List<Runnable> events = new ArrayList<>(during);
                    during.clear();
                    events.forEach(Runnable::run);
                    time.spend(Duration.ofMillis(500));
                });
        during.add(() -> {
            traced.request("rotterdam", "trace-c");
            traced.request("rotterdam");
            traced.request("rotterdam", "trace-d");
        });
        traced.request("rotterdam", "trace-a");
        traced.request("rotterdam", "trace-b");
        time.advance(Duration.ofSeconds(5));

        // the first request's trace leads (the round runs in it); nobody's (null) adds nothing
        assertThat(told).containsExactly("rotterdam:[trace-a, trace-b]", "rotterdam:[trace-c, trace-d]");
    }

    @Test
    void a_burst_keeps_a_bounded_list_of_who_asked() {
        List<Integer> told = new ArrayList<>();
        RegionDebouncer<String> traced = new RegionDebouncer<>(Duration.ZERO, time, time,
                (region, requesters) -> told.add(requesters.size()));
        for (int i = 0; i < 1000; i++) {
            traced.request("rotterdam", "trace-" + i);
        }
        time.advance(Duration.ZERO);

        assertThat(told).containsExactly(RegionDebouncer.MAX_REQUESTERS);
    }

    /** Prompt signals keep 200 ms, batched ones (referrals) 1 s. */
    private final RegionDebouncer<String> paced = new RegionDebouncer<>(Duration.ofMillis(200), Duration.ofSeconds(1),
            time, time, recordingRound());

    @Test
    void a_referral_in_a_quiet_region_gets_its_round_at_once() {
        paced.request("rotterdam", null, RegionDebouncer.Pace.BATCHED);
        time.advance(Duration.ZERO);

        assertThat(rounds).containsExactly("rotterdam@0");
    }

    @Test
    void referrals_every_300_ms_share_one_round_per_second_instead_of_one_each() {
        for (int i = 0; i < 10; i++) {
            paced.request("rotterdam", null, RegionDebouncer.Pace.BATCHED);
            time.advance(Duration.ofMillis(300));
        }
        time.advance(Duration.ofSeconds(2));

        // with the prompt gap for everything (before ADR 1180) each of the ten referrals had a round of its own
        assertThat(rounds).containsExactly("rotterdam@0", "rotterdam@1000", "rotterdam@2000", "rotterdam@3000");
    }

    @Test
    void capacity_arriving_while_a_referral_round_waits_brings_it_forward_and_it_runs_once() {
        paced.request("rotterdam", null, RegionDebouncer.Pace.BATCHED);
        time.advance(Duration.ofMillis(100));
        paced.request("rotterdam", null, RegionDebouncer.Pace.BATCHED);
        time.advance(Duration.ofMillis(200));
        paced.request("rotterdam", null, RegionDebouncer.Pace.PROMPT);
        time.advance(Duration.ofSeconds(3));

        // the round scheduled for 1000 ran at 300 (200 ms after the previous one started had passed), and not again
        assertThat(rounds).containsExactly("rotterdam@0", "rotterdam@300");
        assertThat(paced.pending()).isZero();
    }

    @Test
    void capacity_right_after_a_round_waits_only_the_prompt_gap() {
        paced.request("rotterdam", null, RegionDebouncer.Pace.BATCHED);
        time.advance(Duration.ofMillis(50));
        paced.request("rotterdam", null, RegionDebouncer.Pace.BATCHED);
        paced.request("rotterdam", null, RegionDebouncer.Pace.PROMPT);
        time.advance(Duration.ofSeconds(3));

        assertThat(rounds).containsExactly("rotterdam@0", "rotterdam@200");
    }

    @Test
    void a_referral_during_a_round_makes_a_follow_up_one_batched_gap_after_its_start() {
        roundTakes = Duration.ofMillis(100);
        duringNextRound.add(() -> paced.request("rotterdam", null, RegionDebouncer.Pace.BATCHED));
        paced.request("rotterdam", null, RegionDebouncer.Pace.PROMPT);
        time.advance(Duration.ofSeconds(3));

        assertThat(rounds).containsExactly("rotterdam@0", "rotterdam@1000");
    }

    @Test
    void capacity_during_a_round_makes_the_follow_up_prompt_even_after_a_referral() {
        roundTakes = Duration.ofMillis(100);
        duringNextRound.add(() -> {
            paced.request("rotterdam", null, RegionDebouncer.Pace.BATCHED);
            paced.request("rotterdam", null, RegionDebouncer.Pace.PROMPT);
        });
        paced.request("rotterdam", null, RegionDebouncer.Pace.BATCHED);
        time.advance(Duration.ofSeconds(3));

        assertThat(rounds).containsExactly("rotterdam@0", "rotterdam@200");
    }

    @Test
    void the_batched_gap_may_not_be_shorter_than_the_minimum_gap() {
        assertThatThrownBy(() -> new RegionDebouncer<String>(Duration.ofSeconds(1), Duration.ofMillis(200), time, time,
                (r, who) -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
