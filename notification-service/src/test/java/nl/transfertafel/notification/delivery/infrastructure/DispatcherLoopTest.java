package nl.transfertafel.notification.delivery.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import nl.transfertafel.notification.delivery.application.DeliveryDispatcher;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class DispatcherLoopTest {

    @Test
    void the_commits_of_several_events_close_together_are_sent_in_one_round() {
        AtomicInteger rounds = new AtomicInteger();
        DeliveryDispatcher dispatcher = mock(DeliveryDispatcher.class);
        when(dispatcher.dispatchRound()).thenAnswer(call -> Mono.fromCallable(() -> {
            rounds.incrementAndGet();
            return new DeliveryDispatcher.Round(0, false); // nothing found: the drain ends after this round
        }));
        // the poll is an hour away: every round here comes from a wake
        DispatcherLoop loop = new DispatcherLoop(dispatcher, Duration.ofHours(1), Duration.ofMillis(300), true,
                new SimpleMeterRegistry());
        loop.start();
        try {
            for (int commit = 0; commit < 10; commit++) {
                loop.wake();
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 1);
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> rounds.get() == 1);

            loop.wake(); // a commit after that round asks for a round of its own
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
        } finally {
            loop.stop();
        }
        assertThat(rounds).hasValue(2);
    }

    @Test
    void a_round_below_its_limits_ends_the_drain_and_a_full_one_asks_for_another() {
        AtomicInteger rounds = new AtomicInteger();
        DeliveryDispatcher dispatcher = mock(DeliveryDispatcher.class);
        // the first round sent 3 and stopped at its limits; the second sent 2 and did not
        when(dispatcher.dispatchRound()).thenAnswer(call -> Mono.fromCallable(() -> rounds.incrementAndGet() == 1
                ? new DeliveryDispatcher.Round(3, true)
                : new DeliveryDispatcher.Round(2, false)));
        DispatcherLoop loop = new DispatcherLoop(dispatcher, Duration.ofHours(1), Duration.ZERO, true,
                new SimpleMeterRegistry());
        loop.start();
        try {
            loop.wake();

            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 2);
            // no third round: the second one sent deliveries but left nothing due behind it
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> rounds.get() == 2);
        } finally {
            loop.stop();
        }
        assertThat(rounds).hasValue(2);
    }
}
