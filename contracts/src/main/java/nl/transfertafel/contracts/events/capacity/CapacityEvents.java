package nl.transfertafel.contracts.events.capacity;

import java.util.List;
import nl.transfertafel.contracts.events.EventPayload;

/** The events capacity-service publishes. */
public final class CapacityEvents {

    public static final List<Class<? extends EventPayload>> TYPES = List.of(
            CapacityAnnounced.class,
            CapacityLineChanged.class,
            ProviderProfileChanged.class,
            RegistrationRestrictionChanged.class,
            ContractChanged.class,
            ReservationChanged.class,
            ProviderClosureAnnounced.class);

    private CapacityEvents() {
    }
}
