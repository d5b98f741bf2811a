package nl.transfertafel.contracts.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every event type the system knows, by name. Adding an event type means adding its class here. */
public final class EventCatalog {

    private static final List<Class<? extends EventPayload>> PAYLOADS = List.of(
            ReferralReceived.class,
            CapacityAnnounced.class);

    private static final Map<String, EventDescriptor> BY_TYPE = new LinkedHashMap<>();

    static {
        for (Class<? extends EventPayload> payload : PAYLOADS) {
            EventDescriptor descriptor = describe(payload);
            BY_TYPE.put(descriptor.type() + "/" + descriptor.schemaVersion(), descriptor);
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
