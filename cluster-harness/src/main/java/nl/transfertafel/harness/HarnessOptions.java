package nl.transfertafel.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's command line: {@code --short}, {@code --attach <cluster.json>} or
 * {@code --jar <launcher exec jar> --data-dir <dir>}, {@code --out <report dir>}, and the sizes.
 */
public record HarnessOptions(boolean shortMode, Path attach, Path launcherJar, Path dataDir, Path out, long seed,
        int warmupSeconds, int steadySeconds, List<Integer> rampRates, int rampStepSeconds, int extraGpsPerRegion,
        int ceilingSeconds, CpuMode cpu) {

    /**
     * The CPU-per-referral mode ({@code --cpu-per-referral 10,30}): referral rates, seconds per rate, warm-up and
     * idle seconds, a folder for Java Flight Recordings of one more phase (null: none) and the launcher's
     * {@code --instances} (null: the cluster's own shape). Empty rates: the load and fault run.
     */
    public record CpuMode(List<Integer> rates, int seconds, int warmupSeconds, int idleSeconds, Path jfrDir,
            String instances) {
        static final CpuMode OFF = new CpuMode(List.of(), 60, 20, 20, null, null);

        public boolean on() {
            return !rates.isEmpty();
        }
    }

    /** The load and fault run (no CPU-per-referral mode). */
    public HarnessOptions(boolean shortMode, Path attach, Path launcherJar, Path dataDir, Path out, long seed,
            int steadySeconds, List<Integer> rampRates, int rampStepSeconds, int extraGpsPerRegion, int ceilingSeconds) {
        this(shortMode, attach, launcherJar, dataDir, out, seed, 0, steadySeconds, rampRates, rampStepSeconds,
                extraGpsPerRegion, ceilingSeconds, CpuMode.OFF);
    }

    public static HarnessOptions parse(String[] args) {
        boolean shortMode = false;
        Path attach = null;
        Path jar = Path.of("local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar");
        Path dataDir = Path.of("target/cluster-run/data");
        Path out = Path.of("target/cluster-run");
        long seed = Long.parseLong(System.getenv().getOrDefault("TRANSFERTAFEL_DEMO_SEED", "20261122"));
        // the steady phase is measured on warm JVMs: eleven JVMs that started on two cores a minute ago are still
        // compiling (C1) and every transfer-table instance still reads its regions in full once (ADR 1160)
        int warmup = 60;
        int steady = 120;
        List<Integer> ramp = List.of(20, 40, 80, 120, 160, 240, 320);
        int step = 30;
        int gps = 40;
        int ceiling = 20;
        List<Integer> cpuRates = List.of();
        int cpuSeconds = CpuMode.OFF.seconds();
        int cpuWarmup = CpuMode.OFF.warmupSeconds();
        int cpuIdle = CpuMode.OFF.idleSeconds();
        Path jfr = null;
        String instances = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--short" -> shortMode = true;
                case "--attach" -> attach = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--warmup-seconds" -> warmup = Integer.parseInt(args[++i]);
                case "--steady-seconds" -> steady = Integer.parseInt(args[++i]);
                case "--ramp" -> ramp = rates(args[++i]);
                case "--step-seconds" -> step = Integer.parseInt(args[++i]);
                case "--extra-gps-per-region" -> gps = Integer.parseInt(args[++i]);
                case "--ceiling-seconds" -> ceiling = Integer.parseInt(args[++i]);
                case "--cpu-per-referral" -> cpuRates = rates(args[++i]);
                case "--cpu-seconds" -> cpuSeconds = Integer.parseInt(args[++i]);
                case "--cpu-warmup-seconds" -> cpuWarmup = Integer.parseInt(args[++i]);
                case "--cpu-idle-seconds" -> cpuIdle = Integer.parseInt(args[++i]);
                case "--jfr" -> jfr = Path.of(args[++i]);
                case "--instances" -> instances = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
            }
        }
        return new HarnessOptions(shortMode, attach, jar, dataDir, out, seed, warmup, steady, ramp, step, gps, ceiling,
                new CpuMode(cpuRates, cpuSeconds, cpuWarmup, cpuIdle, jfr, instances));
    }

    private static List<Integer> rates(String list) {
        List<Integer> rates = new ArrayList<>();
        for (String r : list.split(",")) {
            rates.add(Integer.parseInt(r.trim()));
        }
        return rates;
    }

    public static String usage() {
        return """
                bench/cluster.sh [--short] [--attach <cluster.json>] [--out <dir>] [--warmup-seconds N] [--steady-seconds N]
                                 [--ramp 20,40,80,...] [--step-seconds N] [--extra-gps-per-region N] [--ceiling-seconds N]
                bench/cluster.sh --cpu-per-referral 10,30 [--cpu-seconds 60] [--cpu-warmup-seconds 20]
                                 [--cpu-idle-seconds 20] [--jfr <dir>] [--instances intake-service=1,...] [--attach ...]
                  (default: starts the cluster mode of local-stack on a fresh data folder)""";
    }
}
