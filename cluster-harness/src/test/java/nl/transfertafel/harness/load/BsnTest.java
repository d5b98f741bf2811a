package nl.transfertafel.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BsnTest {

    @Test
    void made_up_citizen_service_numbers_pass_the_eleven_test_and_rarely_repeat() {
        Random random = new Random(7);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String bsn = Bsn.random(random);
            assertThat(Bsn.passesElevenTest(bsn)).as(bsn).isTrue();
            seen.add(bsn);
        }
        assertThat(seen.size()).isGreaterThan(9_990);
    }

    @Test
    void the_eleven_test_rejects_a_changed_digit() {
        assertThat(Bsn.passesElevenTest("111222333")).isTrue();
        assertThat(Bsn.passesElevenTest("111222334")).isFalse();
        assertThat(Bsn.passesElevenTest("11122233")).isFalse();
    }
}
