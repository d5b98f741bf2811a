package nl.transfertafel.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's contract: its options, its files, and its last lines (one key=value line per policy). */
class SimulateCommandTest {

    private static final String[] SMALL = {"--set", "days.warmup=30", "--set", "days.measured=60", "--set",
            "days.runout=30", "--set", "referrals.perYear.demo=800"};

    private static String[] args(Path out, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("--region", "demo", "--seed", "7", "--out", out.toString()));
        all.addAll(List.of(SMALL));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void ends_with_one_key_value_line_per_policy_and_writes_csv_and_html(@TempDir Path out) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        SimulateCommand.run(SimulateCommand.parse(args(out, "--policy", "all")),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));

        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> last = lines.subList(lines.size() - 4, lines.size());
        assertThat(last.get(0)).startsWith("policy=none started_within_4w=").contains(" mean_wait_days=", " p90_wait_days=",
                " transfers_per_year=0 ");
        assertThat(last.get(1)).startsWith("policy=biweekly ");
        assertThat(last.get(2)).startsWith("policy=weekly ");
        assertThat(last.get(3)).startsWith("policy=continuous ").matches(".* started_within_4w=0\\.\\d{3} .*");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("100%"); // the progress bar finished

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<svg").doesNotContain("<script").doesNotContain("http://cdn", "https://cdn");
        assertThat(html.split("<svg", -1)).hasSize(4); // three charts
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0)).startsWith("region,seed,scenario,policy,started_within_4w,");
        assertThat(Files.readString(out.resolve("timeseries.csv"))).contains("beyond_norm,", "transfers,");
    }

    @Test
    void what_ifs_and_parameters_are_options() {
        SimulateCommand.Options o = SimulateCommand.parse(new String[] {"--national", "--stop", "adhd", "--more-ehealth",
                "--ceiling-reached", "3311", "--set", "table.casesPerMeeting=30", "--policy", "none,continuous"});

        assertThat(o.region()).isEqualTo("national");
        assertThat(o.scenario().stopFor()).isEqualTo(DiagnosisGroup.ADHD);
        assertThat(o.scenario().moreEHealth()).isTrue();
        assertThat(o.scenario().ceilingReachedBy()).isEqualTo("3311");
        assertThat(o.parameters().get("table.casesPerMeeting")).isEqualTo(30);
        assertThat(o.out().toString()).endsWith("national-seed7-whatif");
    }

    @Test
    void unknown_options_parameters_and_policies_are_refused_with_their_name() {
        assertThatThrownBy(() -> SimulateCommand.parse(new String[] {"--colour"})).hasMessageContaining("--colour");
        assertThatThrownBy(() -> SimulateCommand.parse(new String[] {"--set", "capacity.magic=2"}))
                .hasMessageContaining("capacity.magic");
        assertThatThrownBy(() -> SimulateCommand.parse(new String[] {"--policy", "monthly"})).hasMessageContaining("monthly");
    }
}
