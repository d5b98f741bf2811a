package nl.transfertafel.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's command line: {@code --short}, {@code --attach <cluster.json>} or
 * {@code --jar <launcher exec jar> --data-dir <dir>}, {@code --out <report dir>}, and the sizes.
 */
public record HarnessOptions(boolean shortMode, Path attach, Path launcherJar, Path dataDir, Path out, long seed,
        int steadySeconds, List<Integer> rampRates, int rampStepSeconds, int extraGpsPerRegion, int ceilingSeconds) {

    public static HarnessOptions parse(String[] args) {
        boolean shortMode = false;
        Path attach = null;
        Path jar = Path.of("local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar");
        Path dataDir = Path.of("target/cluster-run/data");
        Path out = Path.of("target/cluster-run");
        long seed = Long.parseLong(System.getenv().getOrDefault("TRANSFERTAFEL_DEMO_SEED", "20261122"));
        int steady = 120;
        List<Integer> ramp = List.of(20, 40, 80, 120, 160, 240, 320);
        int step = 30;
        int gps = 40;
        int ceiling = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--short" -> shortMode = true;
                case "--attach" -> attach = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--steady-seconds" -> steady = Integer.parseInt(args[++i]);
                case "--ramp" -> {
                    List<Integer> rates = new ArrayList<>();
                    for (String r : args[++i].split(",")) {
                        rates.add(Integer.parseInt(r.trim()));
                    }
                    ramp = rates;
                }
                case "--step-seconds" -> step = Integer.parseInt(args[++i]);
                case "--extra-gps-per-region" -> gps = Integer.parseInt(args[++i]);
                case "--ceiling-seconds" -> ceiling = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
            }
        }
        return new HarnessOptions(shortMode, attach, jar, dataDir, out, seed, steady, ramp, step, gps, ceiling);
    }

    public static String usage() {
        return """
                bench/cluster.sh [--short] [--attach <cluster.json>] [--out <dir>] [--steady-seconds N]
                                 [--ramp 20,40,80,...] [--step-seconds N] [--extra-gps-per-region N] [--ceiling-seconds N]
                  (default: starts the cluster mode of local-stack on a fresh data folder)""";
    }
}
