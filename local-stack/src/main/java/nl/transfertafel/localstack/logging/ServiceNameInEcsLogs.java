package nl.transfertafel.localstack.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Writes the service a line belongs to ({@link ServiceOfLogLine}) as the ECS {@code service.name} of the
 * local stack's structured logs ({@code logging.structured.json.customizer}). Console logging is
 * synchronous, so the line is written on the thread that logged it, whose mark is the line's service.
 */
public final class ServiceNameInEcsLogs implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, ServiceNameInEcsLogs::service)
                .whenHasPath("service.name"));
    }

    private static String service(String configured) {
        String current = ServiceOfLogLine.current();
        return current == null ? configured : current;
    }
}
