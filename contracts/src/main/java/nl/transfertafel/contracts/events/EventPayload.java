package nl.transfertafel.contracts.events;

/** Marker for event payload records; each one carries an {@link EventType} annotation. */
public interface EventPayload {
}
