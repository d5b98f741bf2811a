package nl.transfertafel.deploychecks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the repository's files are: the build passes the root; from an IDE the working directory is the module. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        String configured = System.getProperty("transfertafel.root");
        Path start = configured != null && !configured.isBlank() ? Paths.get(configured) : Paths.get("").toAbsolutePath();
        for (Path candidate = start.toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("deploy/helm/transfertafel"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no repository root (with deploy/helm/transfertafel) above " + start);
    }

    public static Path deploy() {
        return root().resolve("deploy");
    }

    /** The four services, as named everywhere (image, chart, Compose, realm client). */
    public static final java.util.List<String> SERVICES = java.util.List.of(
            "intake-service", "capacity-service", "transfer-table-service", "notification-service");

    public static int port(String service) {
        return switch (service) {
            case "intake-service" -> 8081;
            case "capacity-service" -> 8082;
            case "transfer-table-service" -> 8083;
            case "notification-service" -> 8084;
            default -> throw new IllegalArgumentException(service);
        };
    }
}
