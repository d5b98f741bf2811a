package nl.transfertafel.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ProcessControlTest {

    @Test
    void pausing_a_process_stops_it_and_every_child_and_resuming_lets_them_all_run_again() throws Exception {
        // a postmaster in miniature: a parent with two children of its own
        Process parent = new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300 & wait").start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> parent.toHandle().children().count() == 2);
            List<Long> children = parent.toHandle().children().map(ProcessHandle::pid).toList();

            List<Long> paused = ProcessControl.pauseTree(parent.pid());

            assertThat(paused).containsExactlyInAnyOrder(parent.pid(), children.get(0), children.get(1));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(paused).allMatch(pid -> ProcessControl.state(pid) == 'T'));

            ProcessControl.resume(paused);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(paused).noneMatch(pid -> ProcessControl.state(pid) == 'T'));
        } finally {
            parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    @Test
    void resident_memory_of_a_tree_counts_shared_pages_once_not_once_per_process() throws Exception {
        // three processes of one program share its code and libraries: their RSS counts those pages
        // three times, their proportional set size once in all
        Process parent = new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300 & wait").start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> parent.toHandle().children().count() == 2);
            List<Long> all = new java.util.ArrayList<>(List.of(parent.pid()));
            parent.toHandle().children().forEach(child -> all.add(child.pid()));
            long rssSum = all.stream().mapToLong(ProcessControl::vmRssKib).sum();

            long resident = ProcessControl.residentKib(parent.pid());

            assertThat(resident).isPositive().isLessThan(rssSum);
        } finally {
            parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }
}
