package nl.transfertafel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import nl.transfertafel.simulator.world.Streams;
import org.junit.jupiter.api.Test;

/** The counter-based draws behind the common random numbers (ADR 0901). */
class StreamsTest {

    @Test
    void a_draw_depends_only_on_its_stream_and_counter() {
        double third = Streams.uniform(42, 3);
        for (int i = 0; i < 10; i++) {
            Streams.uniform(42, i); // other draws in between change nothing
        }
        assertThat(Streams.uniform(42, 3)).isEqualTo(third);
        assertThat(Streams.uniform(43, 3)).isNotEqualTo(third);
    }

    @Test
    void uniforms_are_uniform_and_poisson_places_have_their_mean() {
        int n = 200_000;
        double sum = 0;
        long places = 0;
        for (int i = 0; i < n; i++) {
            double u = Streams.uniform(7, i);
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
            sum += u;
            places += Streams.poisson(3.5, u);
        }
        assertThat(sum / n).isCloseTo(0.5, within(0.005));
        assertThat((double) places / n).isCloseTo(3.5, within(0.03));
    }

    @Test
    void more_capacity_never_opens_fewer_places_for_the_same_draw() {
        for (int i = 0; i < 1_000; i++) {
            double u = Streams.uniform(9, i);
            assertThat(Streams.poisson(2.2, u)).isGreaterThanOrEqualTo(Streams.poisson(2.0, u));
        }
    }
}
