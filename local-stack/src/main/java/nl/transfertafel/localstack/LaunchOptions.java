package nl.transfertafel.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./run-local.sh} (the launcher's {@code main}) was asked to do: which mode, which data folder,
 * whether to start empty, whether to load demo data, whether every listener takes a free port (tests), and
 * whether the services trust an external OIDC provider (Keycloak) instead of the local token issuer.
 * Command-line options win over the environment.
 *
 * @param issuerUri an external OIDC provider's issuer, or null for the local token issuer
 * @param audience the audience the services require in access tokens (with an external provider)
 * @param instances how many JVMs of each service the cluster mode starts
 */
public record LaunchOptions(Path dataDir, boolean fresh, boolean demoData, boolean cluster, boolean randomPorts,
        long seed, String issuerUri, String audience, Map<ServiceKind, Integer> instances) {

    /**
     * The cluster mode's JVMs per service: the ones that take the load (and fan out) twice, so a kill -9 of one
     * instance leaves one serving and per-region order is kept across relay instances (issue 10).
     */
    public static final Map<ServiceKind, Integer> CLUSTER_INSTANCES = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            ServiceKind.INTAKE, 2, ServiceKind.CAPACITY, 1, ServiceKind.TRANSFER_TABLE, 2, ServiceKind.NOTIFICATION, 2)));

    public static final String ISSUER_VARIABLE = "TRANSFERTAFEL_OIDC_ISSUER_URI";
    public static final String AUDIENCE_VARIABLE = "TRANSFERTAFEL_OIDC_AUDIENCE";
    public static final String DEFAULT_AUDIENCE = "transfertafel";

    public static final String DATA_DIR_VARIABLE = "TRANSFERTAFEL_DATA_DIR";
    public static final Path DEFAULT_DATA_DIR = Path.of(".transfertafel-data");

    public static final String USAGE = String.join("\n",
            "Usage: ./run-local.sh [--cluster] [--data-dir DIR] [--fresh] [--no-demo-data] [--random-ports]",
            "                      [--issuer-uri URL [--audience AUD]] [--instances SERVICE=N,...]",
            "  --data-dir DIR   keep PostgreSQL's and Kafka's data in DIR (default ./.transfertafel-data,",
            "                   or $" + DATA_DIR_VARIABLE + "); a restart on the same folder finds everything again",
            "  --fresh          delete what DIR holds and start empty (demo data is loaded only on an empty start)",
            "  --no-demo-data   do not load demo data (also TRANSFERTAFEL_DEMO_DATA=false)",
            "  --cluster        every service in its own JVM (two instances of intake, transfer-table and",
            "                   notification), a 3-broker Kafka cluster in separate processes, durable PostgreSQL",
            "  --instances intake-service=2,transfer-table-service=1,...",
            "                   with --cluster: how many JVMs of a service (1 to 4; unnamed services keep theirs)",
            "  --random-ports   every listener on a free port (tests; the URLs are printed and written to",
            "                   DIR/cluster.json or DIR/stack.json)",
            "  --issuer-uri URL the services and the coordinator page trust this OIDC provider (e.g. Keycloak with",
            "                   deploy/keycloak's realm: http://127.0.0.1:8080/realms/transfertafel) instead of the",
            "                   local token issuer (also $" + ISSUER_VARIABLE + "); each service signs in with",
            "                   client credentials, secret from TRANSFERTAFEL_<SERVICE>_SERVICE_SECRET; single JVM",
            "                   only, without demo data (it needs tokens for every generated organisation)",
            "  --audience AUD   the audience access tokens must carry (default " + DEFAULT_AUDIENCE + ", also $"
                    + AUDIENCE_VARIABLE + "; an empty value turns the check off)");

    /** Parses the launcher's arguments; the environment supplies what the arguments leave open. */
    public static LaunchOptions parse(String[] args, Map<String, String> env) {
        Path dataDir = null;
        boolean fresh = false;
        boolean demoData = !"false".equalsIgnoreCase(env.getOrDefault("TRANSFERTAFEL_DEMO_DATA", "true").trim());
        boolean cluster = false;
        boolean randomPorts = false;
        String issuerUri = blankToNull(env.get(ISSUER_VARIABLE));
        String audience = env.getOrDefault(AUDIENCE_VARIABLE, DEFAULT_AUDIENCE);
        Map<ServiceKind, Integer> instances = new EnumMap<>(CLUSTER_INSTANCES);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--data-dir")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("--data-dir needs a directory\n" + USAGE);
                }
                dataDir = Path.of(args[++i]);
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.equals("--fresh")) {
                fresh = true;
            } else if (arg.equals("--no-demo-data")) {
                demoData = false;
            } else if (arg.equals("--cluster")) {
                cluster = true;
            } else if (arg.equals("--random-ports")) {
                randomPorts = true;
            } else if (arg.equals("--issuer-uri") || arg.equals("--audience")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
                }
                if (arg.equals("--issuer-uri")) {
                    issuerUri = blankToNull(args[++i]);
                } else {
                    audience = args[++i];
                }
            } else if (arg.startsWith("--issuer-uri=")) {
                issuerUri = blankToNull(arg.substring("--issuer-uri=".length()));
            } else if (arg.startsWith("--audience=")) {
                audience = arg.substring("--audience=".length());
            } else if (arg.equals("--instances")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("--instances needs SERVICE=N,...\n" + USAGE);
                }
                instances.putAll(instances(args[++i]));
            } else if (arg.startsWith("--instances=")) {
                instances.putAll(instances(arg.substring("--instances=".length())));
            } else {
                unknown.add(arg);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + unknown + "\n" + USAGE);
        }
        if (dataDir == null) {
            String fromEnv = env.get(DATA_DIR_VARIABLE);
            dataDir = fromEnv == null || fromEnv.isBlank() ? DEFAULT_DATA_DIR : Path.of(fromEnv.trim());
        }
        if (issuerUri != null) {
            if (cluster) {
                throw new IllegalArgumentException("--issuer-uri works in single-JVM mode only, not with --cluster\n" + USAGE);
            }
            java.net.URI uri = java.net.URI.create(issuerUri);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("--issuer-uri needs an http(s) URL, e.g. "
                        + "http://127.0.0.1:8080/realms/transfertafel\n" + USAGE);
            }
            // demo data is loaded with the local issuer's tokens for every generated organisation
            demoData = false;
        }
        String seed = env.get("TRANSFERTAFEL_DEMO_SEED");
        return new LaunchOptions(dataDir.toAbsolutePath().normalize(), fresh, demoData, cluster, randomPorts,
                seed == null || seed.isBlank() ? 20261122 : Long.parseLong(seed.trim()), issuerUri,
                audience == null ? "" : audience.trim(), Collections.unmodifiableMap(instances));
    }

    /** {@code intake-service=2,notification-service=1}: the services named, each with 1 to 4 JVMs. */
    private static Map<ServiceKind, Integer> instances(String value) {
        Map<ServiceKind, Integer> counts = new EnumMap<>(ServiceKind.class);
        for (String part : value.split(",")) {
            String[] pair = part.trim().split("=", 2);
            ServiceKind kind = java.util.Arrays.stream(ServiceKind.values())
                    .filter(k -> k.serviceName().equals(pair[0].trim())).findFirst().orElse(null);
            Integer count = null;
            try {
                count = pair.length == 2 ? Integer.valueOf(pair[1].trim()) : null;
            } catch (NumberFormatException notANumber) {
                // refused below
            }
            if (kind == null || count == null || count < 1 || count > 4) {
                throw new IllegalArgumentException("--instances: '" + part.trim() + "' is not <service>=<1 to 4>, with"
                        + " <service> one of intake-service, capacity-service, transfer-table-service, notification-service\n"
                        + USAGE);
            }
            counts.put(kind, count);
        }
        return counts;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An integer from the environment (a port, a seed), or the fallback when it is not set. */
    public static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }
}
