package nl.transfertafel.deploychecks.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.transfertafel.deploychecks.Repository;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus alert rules the chart ships, checked by Prometheus' own {@code promtool check rules}
 * (Debian package {@code prometheus}; .ci/run installs it). Without promtool the check is skipped and says so.
 */
class AlertRulesTest {

    static final Path RULES = Repository.deploy().resolve("helm/transfertafel/files/prometheus/alert-rules.yml");

    @Test
    void promtool_accepts_the_alert_rules() throws Exception {
        Path promtool = promtool();

        Result result = run(promtool, "check", "rules", RULES.toString());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void promtool_refuses_a_broken_rule_so_the_check_can_fail(@TempDir Path dir) throws Exception {
        Path promtool = promtool();
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, Files.readString(RULES).replaceFirst("expr: sum by \\(region\\)", "expr: sum by (region) ((("));

        Result result = run(promtool, "check", "rules", broken.toString());

        assertThat(result.exit()).as(result.output()).isNotZero();
    }

    @Test
    void a_failing_periodic_job_alerts_with_the_jobs_name_from_exported_job_not_the_scrape_job(@TempDir Path dir)
            throws Exception {
        Path promtool = promtool();
        Path test = dir.resolve("job-label-test.yml");
        try (var in = AlertRulesTest.class.getResourceAsStream("/promtool/job-label-test.yml")) {
            Files.writeString(test, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("  - RULES", "  - " + RULES.toAbsolutePath()));
        }

        Result result = run(promtool, "test", "rules", test.toString());

        assertThat(result.exit()).as(result.output()).isZero();
    }

    @Test
    void no_rule_or_panel_reads_the_periodic_jobs_name_from_the_job_label() throws Exception {
        // `job` is Prometheus' scrape job; the meters' own tag of that name is exported_job
        java.util.regex.Pattern scrapeJob = java.util.regex.Pattern.compile(
                "(\\{[^}]*\\bjob\\s*(=|!=|=~|!~)|by\\s*\\([^)]*\\bjob\\b|\\$labels\\.job\\b)");
        java.util.List<String> wrong = new java.util.ArrayList<>();
        java.util.List<Path> files = new java.util.ArrayList<>(java.util.List.of(RULES));
        try (Stream<Path> dashboards = Files.list(RULES.getParent().getParent().resolve("grafana"))) {
            dashboards.forEach(files::add);
        }
        int reading = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            // alert rules: one rule block per `- alert:`; dashboards: one line per expression
            for (String part : text.split(file.toString().endsWith(".yml") ? "- alert:" : "\n")) {
                if (part.contains("transfertafel_jobs_")) {
                    reading++;
                    if (scrapeJob.matcher(part).find()) {
                        wrong.add(file.getFileName() + ": " + part.strip());
                    }
                }
            }
        }
        assertThat(reading).as("rules and panels reading the periodic jobs' meters").isGreaterThanOrEqualTo(3);
        assertThat(wrong).isEmpty();
    }

    private static Path promtool() {
        Optional<Path> found = Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool").map(Paths::get)
                .filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(found.isPresent(),
                "promtool not installed (Debian: apt-get install prometheus): the alert rules are not checked");
        return found.get();
    }

    record Result(int exit, String output) {
    }

    private static Result run(Path promtool, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = promtool.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
