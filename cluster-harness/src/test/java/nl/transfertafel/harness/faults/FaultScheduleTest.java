package nl.transfertafel.harness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    @Test
    void the_full_schedule_kills_each_service_in_turn_then_stops_a_broker_pauses_postgres_and_the_receiver() {
        FaultSchedule schedule = FaultSchedule.full(List.of("intake-service", "capacity-service", "transfer-table-service",
                "notification-service"));

        assertThat(schedule.faults()).hasSize(7);
        assertThat(schedule.faults().subList(0, 4)).allMatch(f -> f instanceof Fault.KillService k
                && k.down().equals(Duration.ofSeconds(20)));
        assertThat(schedule.faults().get(4)).isEqualTo(new Fault.StopBroker(schedule.faults().get(4).at(), 2, Duration.ofSeconds(60)));
        assertThat(schedule.faults().get(5)).isInstanceOf(Fault.PausePostgres.class);
        assertThat(schedule.faults().get(6)).isEqualTo(new Fault.WebhookDown(schedule.faults().get(6).at(), Duration.ofMinutes(2)));
        // each fault is undone before the next starts
        for (int i = 1; i < schedule.faults().size(); i++) {
            assertThat(schedule.faults().get(i).at()).isGreaterThan(schedule.faults().get(i - 1).at());
        }
        assertThat(schedule.length()).isEqualTo(schedule.faults().get(6).at().plus(Duration.ofMinutes(2)));
    }

    @Test
    void the_short_schedule_is_one_kill_and_one_broker_stop_longer_than_the_session_timeout_within_half_a_minute() {
        FaultSchedule schedule = FaultSchedule.quick();

        assertThat(schedule.faults()).hasSize(2);
        assertThat(schedule.faults().get(0)).isInstanceOf(Fault.KillService.class);
        Fault.StopBroker stop = (Fault.StopBroker) schedule.faults().get(1);
        // the cluster's broker.session.timeout.ms is 6 s: a shorter stop would not move a partition leadership
        assertThat(stop.down()).isGreaterThan(Duration.ofSeconds(6).multipliedBy(2));
        assertThat(schedule.length()).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }
}
