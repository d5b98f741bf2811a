package nl.transfertafel.simulator.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.simulator.policy.Policies;
import nl.transfertafel.simulator.report.Reports;
import nl.transfertafel.simulator.run.RunMetrics;
import nl.transfertafel.simulator.run.Simulation;
import nl.transfertafel.simulator.run.TransferPolicy;
import nl.transfertafel.simulator.world.Parameters;
import nl.transfertafel.simulator.world.RegionWorld;
import nl.transfertafel.simulator.world.Scenario;
import nl.transfertafel.simulator.world.WorldFactory;

/**
 * {@code ./simulate.sh}: simulates a region (or the country) under the four policies and writes the
 * comparison. A progress bar goes to stderr; the table, the output paths and, last, one
 * {@code key=value} line per policy go to stdout.
 */
public final class SimulateCommand {

    private SimulateCommand() {
    }

    /** Parsed options. */
    record Options(String region, String policies, long seed, Path out, int threads, boolean progress,
            Parameters parameters, Scenario scenario) {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("simulate: " + e.getMessage());
            System.err.println("try --help");
            System.exit(2);
            return;
        }
        if (options == null) {
            return; // --help
        }
        run(options, System.out, System.err);
    }

    static Options parse(String[] args) {
        String region = "demo";
        String policies = "all";
        long seed = 7;
        Path out = null;
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        boolean progress = true;
        Parameters parameters = Parameters.defaults();
        ProviderType moreCapacity = null;
        boolean close = false;
        DiagnosisGroup stop = null;
        String ceiling = null;
        boolean eHealth = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    printHelp(System.out, parameters);
                    return null;
                }
                case "--region" -> region = value(args, ++i, a);
                case "--national" -> region = "national";
                case "--policy" -> policies = value(args, ++i, a);
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
                case "--no-progress" -> progress = false;
                case "--set" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--set needs name=value, got " + kv);
                    }
                    parameters = parameters.with(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
                }
                case "--more-capacity" -> moreCapacity = ProviderType.valueOf(value(args, ++i, a).toUpperCase(Locale.ROOT));
                case "--close-provider" -> close = true;
                case "--stop" -> stop = DiagnosisGroup.valueOf(value(args, ++i, a).toUpperCase(Locale.ROOT));
                case "--ceiling-reached" -> ceiling = value(args, ++i, a);
                case "--more-ehealth" -> eHealth = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        Policies.parse(policies);
        Scenario scenario = new Scenario(moreCapacity, close, stop, ceiling, eHealth);
        if (out == null) {
            out = Path.of("target", "simulation", region + "-seed" + seed + (scenario.isBaseline() ? "" : "-whatif"));
        }
        return new Options(region, policies, seed, out, threads, progress, parameters, scenario);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static List<RegionWorld> worlds(String region, long seed, Parameters p) {
        return switch (region) {
            case "demo" -> WorldFactory.demo(seed, p);
            case "national" -> WorldFactory.national(seed, p);
            default -> {
                List<RegionWorld> one = WorldFactory.national(seed, p).stream().filter(w -> w.region().equals(region)).toList();
                if (one.isEmpty()) {
                    throw new IllegalArgumentException("unknown region " + region + "; use demo, national or a region code");
                }
                yield one;
            }
        };
    }

    static Map<String, RunMetrics> run(Options o, PrintStream out, PrintStream err) throws Exception {
        long started = System.nanoTime();
        List<RegionWorld> worlds = worlds(o.region(), o.seed(), o.parameters());
        Map<String, Supplier<TransferPolicy>> policies = Policies.parse(o.policies());
        Simulation simulation = new Simulation(o.parameters(), o.scenario(), o.threads());
        long work = simulation.work(worlds, policies.size());
        AtomicLong done = new AtomicLong();
        ProgressBar bar = o.progress() ? ProgressBar.start(err, work, done,
                worlds.size() + " region(s) x " + policies.size() + " policies") : null;
        Map<String, RunMetrics> results;
        try {
            results = simulation.run(worlds, policies, done);
        } finally {
            if (bar != null) {
                bar.stop();
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        String took = String.format(Locale.ROOT, "%d.%01d s", elapsed.toSeconds(), elapsed.toMillisPart() / 100);
        int measured = o.parameters().days("days.measured");
        Reports.RunInfo info = new Reports.RunInfo(o.region(), o.seed(), o.scenario().describe(), WorldFactory.START,
                o.parameters().days("days.warmup"), measured, took);
        Files.createDirectories(o.out());
        Reports.writeCsv(o.out(), info, results);
        Reports.writeHtml(o.out(), info, results, parametersTable(o.parameters()));

        out.println("Transfertafel region simulator: region " + o.region() + " (" + worlds.size() + " region(s)), seed "
                + o.seed() + ", scenario " + o.scenario().describe() + ", measured year from "
                + WorldFactory.START.plusDays(o.parameters().days("days.warmup")) + ", " + took);
        out.println();
        out.print(Reports.terminalTable(results, measured));
        out.println();
        out.println("CSV:  " + o.out().resolve("results.csv") + " and " + o.out().resolve("timeseries.csv"));
        out.println("HTML: " + o.out().resolve("report.html"));
        out.println();
        for (String line : Reports.keyValueLines(results, measured)) {
            out.println(line);
        }
        return results;
    }

    static String parametersTable(Parameters p) {
        StringBuilder t = new StringBuilder("<table><tr><th>parameter</th><th>value</th><th>meaning</th><th>source</th></tr>");
        for (Parameters.Figure f : p.all().values()) {
            t.append("<tr><td>").append(f.name()).append("</td><td>").append(trim(f.value())).append("</td><td>")
                    .append(esc(f.meaning())).append("</td><td>").append(esc(f.source())).append("</td></tr>");
        }
        return t.append("</table>").toString();
    }

    private static void printHelp(PrintStream out, Parameters p) {
        out.println("""
                usage: ./simulate.sh [--region demo|national|<region code>] [--national] [--policy all|none,biweekly,weekly,continuous]
                                     [--seed N] [--out DIR] [--threads N] [--no-progress] [--set name=value ...]
                                     what-ifs: [--more-capacity GGZ_INSTITUTION|INDEPENDENT_PRACTICE|BASIC_GGZ|E_HEALTH|SOCIAL_DOMAIN]
                                               [--close-provider] [--stop DIAGNOSIS_GROUP] [--ceiling-reached UZOVI] [--more-ehealth]

                parameters (--set name=value):""");
        List<String> rows = new ArrayList<>();
        for (Parameters.Figure f : p.all().values()) {
            rows.add(String.format(Locale.ROOT, "  %-34s %10s  %s [%s]", f.name(), trim(f.value()), f.meaning(), f.source()));
        }
        rows.forEach(out::println);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
