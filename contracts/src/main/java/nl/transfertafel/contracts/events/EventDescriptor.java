package nl.transfertafel.contracts.events;

/** Where an event type lives: its name, schema version, topic and payload class. */
public record EventDescriptor(String type, int schemaVersion, String topic, Class<? extends EventPayload> payloadClass) {

    public String schemaResource() {
        return "schemas/events/" + type + ".v" + schemaVersion + ".json";
    }
}
