package nl.transfertafel.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatchingProblemTest {

    @Test
    void arcsAreGroupedPerClientInOrderOfAddition() {
        MatchingProblem.Builder b = MatchingProblem.builder();
        int l0 = b.addLine("a", 1);
        int l1 = b.addLine("b", 2);
        int c0 = b.addClient("x");
        int c1 = b.addClient("y");
        b.addArc(c1, l0, -3).addArc(c0, l1, -1).addArc(c1, l1, -4);
        MatchingProblem p = b.build();
        assertThat(p.clientCount()).isEqualTo(2);
        assertThat(p.arcCount()).isEqualTo(3);
        assertThat(p.endArc(c0) - p.firstArc(c0)).isEqualTo(1);
        assertThat(p.arcLine(p.firstArc(c1))).isEqualTo(l0);
        assertThat(p.cost(c1, l1)).hasValue(-4);
        assertThat(p.cost(c0, l0)).isEmpty();
        assertThat(p.places(l1)).isEqualTo(2);
        assertThat(p.lineId(l1)).isEqualTo("b");
        assertThat(p.clientId(c1)).isEqualTo("y");
    }

    @Test
    void invalidInputIsRejected() {
        MatchingProblem.Builder b = MatchingProblem.builder();
        int l = b.addLine("a", 1);
        int c = b.addClient("x");
        assertThatThrownBy(() -> b.addLine("neg", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.addArc(c, 5, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.addArc(3, l, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.addArc(c, l, (1L << 50) + 1)).isInstanceOf(IllegalArgumentException.class);
        b.addArc(c, l, -1).addArc(c, l, -2);
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
    }
}
