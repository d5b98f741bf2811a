package nl.transfertafel.contracts.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.transfertafel.contracts.events.capacity.CapacityEvents;
import nl.transfertafel.contracts.events.intake.IntakeEvents;
import nl.transfertafel.contracts.events.transfer.TransferEvents;

/**
 * Every event type the system knows, by name and version. Each producing context lists its own
 * types ({@link IntakeEvents}, {@link CapacityEvents}, {@link TransferEvents}); adding an event type
 * means adding its record, its schema and one line in that list.
 */
public final class EventCatalog {

    private static final Map<String, EventDescriptor> BY_TYPE = new LinkedHashMap<>();

    static {
        List<Class<? extends EventPayload>> payloads = new ArrayList<>();
        payloads.addAll(IntakeEvents.TYPES);
        payloads.addAll(CapacityEvents.TYPES);
        payloads.addAll(TransferEvents.TYPES);
        for (Class<? extends EventPayload> payload : payloads) {
            EventDescriptor descriptor = describe(payload);
            if (BY_TYPE.put(descriptor.type() + "/" + descriptor.schemaVersion(), descriptor) != null) {
                throw new IllegalStateException("event type listed twice: " + descriptor.type());
            }
        }
    }

    private EventCatalog() {
    }

    public static EventDescriptor describe(Class<? extends EventPayload> payloadClass) {
        EventType type = payloadClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " has no @EventType");
        }
        return new EventDescriptor(type.name(), type.version(), type.topic(), payloadClass);
    }

    public static Optional<EventDescriptor> find(String type, int schemaVersion) {
        return Optional.ofNullable(BY_TYPE.get(type + "/" + schemaVersion));
    }

    public static Collection<EventDescriptor> all() {
        return BY_TYPE.values();
    }
}
