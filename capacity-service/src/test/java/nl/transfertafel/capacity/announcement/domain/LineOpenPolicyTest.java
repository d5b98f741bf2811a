package nl.transfertafel.capacity.announcement.domain;

import static nl.transfertafel.capacity.fixtures.Fixtures.TODAY;
import static nl.transfertafel.capacity.fixtures.Fixtures.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LineOpenPolicyTest {

    @Test
    void an_open_line_with_a_place_left_is_reservable() {
        assertThat(LineOpenPolicy.reservable(aLine(3, 1), TODAY).isAllowed()).isTrue();
    }

    @Test
    void a_full_line_has_no_place_left() {
        assertThat(LineOpenPolicy.reservable(aLine(3, 0), TODAY).refusal()).map(Refusal::rule)
                .contains(LineOpenPolicy.NO_PLACE_LEFT);
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"WITHDRAWN", "EXPIRED", "STALE"})
    void a_withdrawn_expired_or_stale_line_is_not_open_even_with_places(State state) {
        assertThat(LineOpenPolicy.reservable(aLine(3, 3, state), TODAY).refusal()).map(Refusal::rule)
                .contains(LineOpenPolicy.LINE_NOT_OPEN);
    }

    @Test
    void a_line_past_its_last_day_is_not_open_even_before_the_expiry_job_ran() {
        assertThat(LineOpenPolicy.reservable(aLine(3, 3), TODAY.plusDays(41)).refusal()).map(Refusal::rule)
                .contains(LineOpenPolicy.LINE_NOT_OPEN);
        assertThat(LineOpenPolicy.reservable(aLine(3, 3), TODAY.plusDays(40)).isAllowed()).isTrue();
    }
}
