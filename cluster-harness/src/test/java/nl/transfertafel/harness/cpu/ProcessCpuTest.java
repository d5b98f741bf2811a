package nl.transfertafel.harness.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void a_command_name_with_spaces_and_parentheses_does_not_shift_the_times() {
        String line = "4242 (postgres: wal (writer) ) S 4200 4200 4200 0 -1 4194368 120 0 0 0 731 259 17 4 20 0 1 0 "
                + "37460 231124992 1311 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        ProcessCpu.Stat stat = ProcessCpu.Stat.parse(line);

        assertThat(stat.pid()).isEqualTo(4242);
        assertThat(stat.parent()).isEqualTo(4200);
        assertThat(stat.ownTicks()).isEqualTo(731 + 259);
        assertThat(stat.reapedChildrenTicks()).isEqualTo(17 + 4);
    }

    @Test
    void a_process_tree_costs_at_least_what_its_root_costs() {
        long self = ProcessHandle.current().pid();
        long busyUntil = System.nanoTime() + 200_000_000L;
        long spin = 0;
        while (System.nanoTime() < busyUntil) {
            spin++;
        }

        long own = ProcessCpu.millis(self).orElseThrow();
        long tree = ProcessCpu.treeMillis(self).orElseThrow();

        assertThat(spin).isPositive();
        assertThat(own).isGreaterThan(0);
        assertThat(tree).isGreaterThanOrEqualTo(own);
    }

    @Test
    void a_process_that_is_gone_has_no_figure() {
        assertThat(ProcessCpu.millis(Long.MAX_VALUE)).isEmpty();
    }
}
