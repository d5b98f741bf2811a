package nl.transfertafel.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The single JSON form of events on the wire and in the outbox. */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static EventEnvelope envelop(NewEvent event, UUID correlationId) {
        EventDescriptor descriptor = event.descriptor();
        return new EventEnvelope(
                event.eventId(),
                descriptor.type(),
                descriptor.schemaVersion(),
                event.occurredAt(),
                event.region(),
                event.aggregateId(),
                correlationId,
                MAPPER.valueToTree(event.payload()));
    }

    public static String write(EventEnvelope envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    public static EventEnvelope read(String json) {
        return MAPPER.readValue(json, EventEnvelope.class);
    }

    public static EventEnvelope read(byte[] json) {
        return MAPPER.readValue(json, EventEnvelope.class);
    }
}
