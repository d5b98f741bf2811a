package nl.transfertafel.localstack;

import java.util.function.Supplier;
import nl.transfertafel.capacity.CapacityApplication;
import nl.transfertafel.intake.IntakeApplication;
import nl.transfertafel.notification.NotificationApplication;
import nl.transfertafel.transfertable.TransferTableApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The four services, their databases and their default ports. */
public enum ServiceKind {
    INTAKE("intake-service", "intake", 8081, IntakeApplication::application),
    CAPACITY("capacity-service", "capacity", 8082, CapacityApplication::application),
    TRANSFER_TABLE("transfer-table-service", "transfer_table", 8083, TransferTableApplication::application),
    NOTIFICATION("notification-service", "notification", 8084, NotificationApplication::application);

    private final String serviceName;
    private final String database;
    private final int defaultPort;
    private final Supplier<SpringApplicationBuilder> application;

    ServiceKind(String serviceName, String database, int defaultPort, Supplier<SpringApplicationBuilder> application) {
        this.serviceName = serviceName;
        this.database = database;
        this.defaultPort = defaultPort;
        this.application = application;
    }

    public String serviceName() {
        return serviceName;
    }

    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }

    SpringApplicationBuilder application() {
        return application.get();
    }

    /** The key under {@code transfertafel.services} that tells other services where this one answers. */
    String urlProperty() {
        return serviceName.replace("-service", "") + "-url";
    }

    /** The environment variable that overrides the port, e.g. {@code INTAKE_PORT}. */
    public String portVariable() {
        return name() + "_PORT";
    }
}
